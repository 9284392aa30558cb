/**
 * Check-in on the seeded data: the applicant's fresh bookings are approved and confirmed, then
 * each is checked in five minutes before its start (the domain function takes `now`, so the
 * check-in window is met without waiting for the clock).
 */
import type { Db } from '@/db';
import type { UserActor } from '@/lib/authz';
import { confirmBooking } from '@/lib/booking/applicant';
import { checkIn } from '@/lib/booking/check-in';
import { createStaffRequest } from '@/lib/booking/create';
import { approveBooking } from '@/lib/booking/review';

interface BenchTools {
  summarize: (label: string, samples: number[]) => void;
  time: (fn: () => Promise<unknown>) => Promise<number>;
}

export async function benchCheckIn(
  db: Db,
  actors: { applicant: UserActor; admin: UserActor },
  resourceId: string,
  slots: { startAt: Date; endAt: Date }[],
  { summarize, time }: BenchTools,
): Promise<void> {
  const { applicant, admin } = actors;
  const confirmed: { id: string; startAt: Date }[] = [];
  for (const slot of slots) {
    const booking = await createStaffRequest(db, applicant, { resourceId, ...slot, purpose: '基准测试：签到', attendees: 4, phone: '13800138000' });
    await approveBooking(db, admin, { bookingId: booking.id, opinion: '同意' });
    await confirmBooking(db, applicant, { bookingId: booking.id });
    confirmed.push({ id: booking.id, startAt: slot.startAt });
  }
  const samples: number[] = [];
  for (const booking of confirmed) {
    const now = new Date(booking.startAt.getTime() - 5 * 60_000);
    samples.push(await time(() => checkIn(db, applicant, { bookingId: booking.id }, { now })));
  }
  summarize('checkIn (confirmed booking, window open)', samples);
}
