/**
 * A change request on the seeded data: the applicant asks to move each of their fresh bookings
 * to a free slot further on (checked like a new request, then held beside the booking's own).
 */
import type { Db } from '@/db';
import type { UserActor } from '@/lib/authz';
import { requestChange } from '@/lib/booking/request-change';

interface BenchTools {
  summarize: (label: string, samples: number[]) => void;
  time: (fn: () => Promise<unknown>) => Promise<number>;
}

export async function benchChangeRequest(
  db: Db,
  applicant: UserActor,
  moves: { bookingId: string; startAt: Date; endAt: Date }[],
  { summarize, time }: BenchTools,
): Promise<void> {
  const samples: number[] = [];
  for (const move of moves) {
    samples.push(await time(() => requestChange(db, applicant, { ...move, reason: '基准测试：改期' })));
  }
  summarize('requestChange (free new slot)', samples);
}
