/**
 * The public channel's hot path on the seeded data: a customer's booking request as the public
 * page and API make it (rate limits, the open-request cap, the rules, the insert, the e-mail),
 * each from its own address and e-mail so that the limits never refuse one; then requests for
 * slots already taken (the 409 with alternatives). The HTTP edge adds body parsing and the error
 * mapping on top (tests/integration/public-api-race.test.ts prints its median on PostgreSQL).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources } from '@/db/schema';
import { addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { createPublicRequest } from '@/lib/customer/create-public';
import { isDomainError } from '@/lib/errors';
import { getHolidayCalendar, getSettings } from '@/lib/settings';

interface BenchTools {
  runs: number;
  summarize: (label: string, samples: number[]) => void;
  time: (fn: () => Promise<unknown>) => Promise<number>;
}

export async function benchPublicRequest(db: Db, { runs, summarize, time }: BenchTools): Promise<void> {
  const settings = await getSettings(db);
  const calendar = await getHolidayCalendar(db);
  const today = dayInZone(new Date(), settings.timeZone);
  const [room] = await db.select().from(resources).where(eq(resources.code, 'MR-501'));

  const slots: { startAt: string; endAt: string }[] = [];
  for (let d = 3; slots.length < runs; d++) {
    const day = addWorkingDays(today, d, calendar);
    for (let h = 9; h <= 16 && slots.length < runs; h++) {
      const at = (hour: number) =>
        zonedInstant(day, `${String(hour).padStart(2, '0')}:00`, settings.timeZone).toISOString();
      slots.push({ startAt: at(h), endAt: at(h + 1) });
    }
  }
  const request = (slot: (typeof slots)[number], i: number, round: string) => ({
    resourceId: room.id,
    ...slot,
    name: '基准客户',
    phone: '138 0013 8000',
    email: `bench-${round}-${i}@customer.example.com`,
    company: '基准测试有限公司',
    visitors: 3,
  });
  const client = (i: number, round: string) => ({ ip: `198.18.${round === 'free' ? 1 : 2}.${i % 250}` });

  const free: number[] = [];
  for (const [i, slot] of slots.entries()) {
    free.push(await time(() => createPublicRequest(db, request(slot, i, 'free'), client(i, 'free'))));
  }
  summarize('createPublicRequest (free slot)', free);

  const taken: number[] = [];
  for (const [i, slot] of slots.entries()) {
    taken.push(
      await time(() =>
        createPublicRequest(db, request(slot, i, 'taken'), client(i, 'taken')).then(
          () => {
            throw new Error('a taken slot was granted');
          },
          (error: unknown) => {
            if (!isDomainError(error) || error.code !== 'slot_taken') throw error;
          },
        ),
      ),
    );
  }
  summarize('createPublicRequest (taken: 409 + alternatives)', taken);
}
