/**
 * The morning digest (lib/digest): an admin opts in on their account; from 07:30 in the
 * organisation's zone each opted-in admin gets one digest e-mail a day, and each group bot
 * listening to `daily_digest` one notice — however often, and however many instances at once,
 * the job runs — with today's bookings per resource, the waiting requests and what is overdue.
 */
import { and, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, noticeOutbox, notificationChannels, users } from '@/db/schema';
import { queueDailyDigests } from '@/lib/digest/queue';
import type { DigestSummary } from '@/lib/digest/summary';
import { runJob } from '@/lib/jobs';
import { dailyDigestOptIn, setDailyDigest } from '@/lib/users/preferences';
import { testDriver } from '../helpers/db';
import { at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

const digestsOf = (day: string) => db().select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `daily_digest:${day}:%`));
const noticesOf = (day: string) => db().select().from(noticeOutbox).where(like(noticeOutbox.dedupeKey, `daily_digest:${day}:%`));

let secondAdmin: string;
let channelId: string;

beforeAll(async () => {
  // A second admin who opts in, and one who does not (the demo admin opts in in the test).
  const [other] = await db()
    .insert(users)
    .values([
      { email: 'admin2@example.com', name: '李行政', role: 'admin', locale: 'en', dailyDigest: true },
      { email: 'admin3@example.com', name: '赵行政', role: 'admin', dailyDigest: false },
    ])
    .returning();
  secondAdmin = other.id;
  const [channel] = await db()
    .insert(notificationChannels)
    .values({ kind: 'wecom', name: '行政群', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', events: ['daily_digest'] })
    .returning();
  channelId = channel.id;
});

describe(`the morning digest (${testDriver})`, () => {
  it('is an admin\'s own choice', async () => {
    expect(await dailyDigestOptIn(db(), actors.admin)).toBe(false);
    await setDailyDigest(db(), actors.admin, true);
    expect(await dailyDigestOptIn(db(), actors.admin)).toBe(true);
    await expectDomainError(setDailyDigest(db(), actors.staff, true), 'forbidden');
    await expectDomainError(dailyDigestOptIn(db(), actors.service), 'forbidden');
  });

  it('goes out once per day per recipient from 07:30, to opted-in admins and listening group bots', async () => {
    const day = '2030-03-05';
    expect(await queueDailyDigests(db(), at(day, '07:29'))).toEqual({ digests: 0, digestNotices: 0 });
    expect(await digestsOf(day)).toEqual([]);

    expect(await queueDailyDigests(db(), at(day, '07:30'))).toEqual({ digests: 2, digestNotices: 1 });
    expect((await digestsOf(day)).map((m) => m.toAddress).sort()).toEqual(['admin2@example.com', 'admin@example.com']);
    expect((await digestsOf(day)).find((m) => m.toAddress === 'admin2@example.com')?.locale).toBe('en');
    // Later runs that day, through the job table too, queue nothing more.
    expect(await queueDailyDigests(db(), at(day, '08:15'))).toEqual({ digests: 0, digestNotices: 0 });
    expect(await runJob(db(), 'queue-digests', at(day, '09:00'))).toEqual({ digests: 0, digestNotices: 0 });
    expect(await digestsOf(day)).toHaveLength(2);
    expect(await noticesOf(day)).toHaveLength(1);
  });

  it('two runs at the same moment send once', async () => {
    const day = '2030-03-06';
    const runs = await Promise.all([queueDailyDigests(db(), at(day, '07:45')), queueDailyDigests(db(), at(day, '07:45'))]);
    expect(runs.reduce((sum, r) => sum + r.digests, 0)).toBe(2);
    expect(runs.reduce((sum, r) => sum + r.digestNotices, 0)).toBe(1);
    expect(await digestsOf(day)).toHaveLength(2);
    expect(await noticesOf(day)).toHaveLength(1);
  });

  it('a morning missed is not sent in the afternoon; one opting in before noon gets today\'s', async () => {
    expect(await queueDailyDigests(db(), at('2030-03-07', '12:00'))).toEqual({ digests: 0, digestNotices: 0 });
    await db().update(users).set({ dailyDigest: false }).where(eq(users.id, secondAdmin));
    await db().update(notificationChannels).set({ active: false }).where(eq(notificationChannels.id, channelId));
    expect(await queueDailyDigests(db(), at('2030-03-08', '11:00'))).toEqual({ digests: 1, digestNotices: 0 });
    await db().update(notificationChannels).set({ active: true }).where(eq(notificationChannels.id, channelId));
  });

  it('summarises the day per resource, the waiting requests and the overdue, and the group bot gets no names', async () => {
    const day = '2030-03-11';
    const mr301 = (await resourceByCode(db(), 'MR-301')).id;
    const today = await seedBooking(db(), { resourceId: mr301, ...slot(day, '09:30', '10:30'), status: 'confirmed', requester: actors.staff });
    const waiting = await seedBooking(db(), { resourceId: mr301, ...slot('2030-03-13', '14:00', '15:00'), status: 'pending', requester: actors.staff2 });
    const undecided = await seedBooking(db(), { resourceId: mr301, ...slot(day, '16:00', '17:00'), status: 'pending' });
    const notReturned = await seedBooking(db(), { resourceId: mr301, ...slot('2030-03-08', '14:00', '15:00'), status: 'in_use', requester: actors.staff });
    await queueDailyDigests(db(), at(day, '07:30'));

    const [mail] = (await digestsOf(day)).filter((m) => m.toAddress === 'admin@example.com');
    const { summary } = mail.payload as { summary: DigestSummary };
    expect(summary.day).toBe(day);
    const room = summary.resources.find((r) => r.code === 'MR-301');
    expect(room?.bookings.map((b) => [b.reference, b.contactName])).toContainEqual([today.reference, actors.staff.name]);
    expect(summary.resources.flatMap((r) => r.bookings.map((b) => b.reference))).not.toContain(undecided.reference);
    expect(summary.pending.map((p) => p.reference)).toContain(waiting.reference);
    expect(summary.pendingCount).toBeGreaterThanOrEqual(2);
    expect(summary.overdue.map((o) => [o.reference, o.reason])).toEqual(
      expect.arrayContaining([
        [undecided.reference, 'undecided'],
        [notReturned.reference, 'not_checked_out'],
      ]),
    );

    const [notice] = await db().select().from(noticeOutbox).where(and(eq(noticeOutbox.dedupeKey, `daily_digest:${day}:${channelId}`)));
    expect(notice.title).toBe(`每日早报 ${day}`);
    expect(notice.body).toContain('09:30');
    expect(notice.body).toContain(undecided.reference);
    expect(notice.body).not.toContain(actors.staff.name);
    expect(notice.body).not.toContain('测试客户');
  });
});
