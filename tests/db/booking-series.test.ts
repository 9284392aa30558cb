import { and, eq, inArray, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blackouts, bookingEvents, bookings, bookingSeries, emailOutbox, type BookingStatus } from '@/db/schema';
import { confirmByLink } from '@/lib/booking/booking-link';
import { createStaffRequest } from '@/lib/booking/create';
import { approveSeries, cancelSeries, confirmSeries, confirmSeriesByLink, rejectSeries } from '@/lib/booking/series/actions';
import { createSeries } from '@/lib/booking/series/create';
import { previewSeries } from '@/lib/booking/series/preview';
import { warnSeriesNoShows } from '@/lib/booking/series/no-show-warning';
import { getSeries } from '@/lib/booking/series/queries';
import { isDomainError } from '@/lib/errors';
import { issueToken } from '@/lib/tokens';
import { testDriver } from '../helpers/db';
import { at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();
/** Monday 14 September 2026, 10:00 in Shanghai: National Day week (1–7 Oct) and its 调休 Saturday 10 Oct ahead. */
const NOW = at('2026-09-14', '10:00');
let mr302: string;

beforeAll(async () => {
  mr302 = (await resourceByCode(db(), 'MR-302')).id;
});

const series = (day: string, rrule: string, extra: Record<string, unknown> = {}) => ({
  resourceId: mr302,
  ...slot(day, '10:00', '11:00'),
  rrule,
  purpose: '每周销售例会',
  attendees: 6,
  phone: '138 0013 8000',
  ...extra,
});

const states = (occurrences: { n: number; startAt: string; status: string; reason?: string }[]) =>
  occurrences.map((o) => [o.n, o.startAt, o.status, o.reason ?? null]);

describe(`series expansion (${testDriver})`, () => {
  it('skips the National Day holidays and keeps the rest, numbered as the rule counts them', async () => {
    const { occurrences } = await previewSeries(db(), actors.staff, series('2026-09-28', 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20261015'), { now: NOW });
    expect(states(occurrences)).toEqual([
      [1, at('2026-09-28', '10:00').toISOString(), 'free', null],
      [2, at('2026-10-01', '10:00').toISOString(), 'skipped', 'holiday'],
      [3, at('2026-10-05', '10:00').toISOString(), 'skipped', 'holiday'],
      [4, at('2026-10-08', '10:00').toISOString(), 'free', null],
      [5, at('2026-10-12', '10:00').toISOString(), 'free', null],
      [6, at('2026-10-15', '10:00').toISOString(), 'free', null],
    ]);
  });

  it('counts the 调休 Saturday as a working day and skips an ordinary Sunday', async () => {
    const { occurrences } = await previewSeries(db(), actors.staff, series('2026-10-10', 'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=4'), { now: NOW });
    expect(states(occurrences)).toEqual([
      [1, at('2026-10-10', '10:00').toISOString(), 'free', null],
      [2, at('2026-10-11', '10:00').toISOString(), 'skipped', 'non_working_day'],
      [3, at('2026-10-17', '10:00').toISOString(), 'skipped', 'non_working_day'],
      [4, at('2026-10-18', '10:00').toISOString(), 'skipped', 'non_working_day'],
    ]);
    // Kept on purpose, a day off is checked like any request: the room is closed then.
    const kept = await previewSeries(db(), actors.staff, series('2026-10-10', 'FREQ=WEEKLY;BYDAY=SA,SU;COUNT=2', { includeNonWorkingDays: true }), { now: NOW });
    expect(states(kept.occurrences)).toEqual([
      [1, at('2026-10-10', '10:00').toISOString(), 'free', null],
      [2, at('2026-10-11', '10:00').toISOString(), 'unavailable', 'outside_hours'],
    ]);
  });

  it('repeats monthly on the same weekday and every two weeks', async () => {
    const monthly = await previewSeries(db(), actors.staff, series('2026-09-22', 'FREQ=MONTHLY;BYDAY=4TU;COUNT=3'), { now: NOW });
    expect(monthly.occurrences.map((o) => o.startAt)).toEqual(
      ['2026-09-22', '2026-10-27', '2026-11-24'].map((d) => at(d, '10:00').toISOString()),
    );
    const biweekly = await previewSeries(db(), actors.staff, series('2026-09-16', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=3'), { now: NOW });
    expect(biweekly.occurrences.map((o) => o.startAt)).toEqual(
      ['2026-09-16', '2026-09-30', '2026-10-14'].map((d) => at(d, '10:00').toISOString()),
    );
  });

  it('COUNT counts the rule\'s dates; a date-only UNTIL includes its day', async () => {
    const counted = await previewSeries(db(), actors.staff, series('2026-09-21', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3'), { now: NOW });
    expect(counted.occurrences).toHaveLength(3);
    const until = await previewSeries(db(), actors.staff, series('2026-09-21', 'FREQ=WEEKLY;BYDAY=MO;UNTIL=20261012'), { now: NOW });
    expect(until.occurrences.map((o) => o.n)).toEqual([1, 2, 3, 4]);
    expect(until.occurrences.at(-1)!.startAt).toBe(at('2026-10-12', '10:00').toISOString());
  });

  it('refuses an unbounded rule, too many dates, another frequency and an end past the horizon', async () => {
    const preview = (rrule: string) => previewSeries(db(), actors.staff, series('2026-09-21', rrule), { now: NOW });
    expect((await expectDomainError(preview('FREQ=WEEKLY;BYDAY=MO'), 'invalid_input')).details.fields).toEqual({ rrule: ['rrule_unbounded'] });
    expect((await expectDomainError(preview('FREQ=WEEKLY;COUNT=105'), 'invalid_input')).details.fields).toEqual({ rrule: ['rrule_too_many'] });
    expect((await expectDomainError(preview('FREQ=DAILY;COUNT=5'), 'invalid_input')).details.fields).toEqual({ rrule: ['rrule_frequency'] });
    expect((await expectDomainError(preview('not a rule'), 'invalid_input')).details.fields).toEqual({ rrule: ['rrule_invalid'] });
    // A series reaches the series horizon (400 days from 14 Sep 2026 ends on 19 Oct 2027), past
    // the 90 days of a single request: the 57th Monday is 18 Oct 2027, the 58th 25 Oct.
    const far = await expectDomainError(preview('FREQ=WEEKLY;BYDAY=MO;COUNT=58'), 'beyond_horizon');
    expect(far.details.params).toEqual({ days: 400 });
    const reaching = await preview('FREQ=WEEKLY;BYDAY=MO;COUNT=57');
    expect(reaching.occurrences).toHaveLength(57);
    expect(reaching.occurrences.filter((o) => o.status === 'unavailable')).toEqual([]);
    expect(reaching.occurrences.at(-1)?.startAt).toBe(at('2027-10-18', '10:00').toISOString());
  });

  it('books occurrences past the single-request horizon, up to the series horizon', async () => {
    // The third Monday of each month, 14 of them: the last, 18 Oct 2027, is 399 days ahead.
    const created = await createSeries(db(), actors.staff, series('2026-09-21', 'FREQ=MONTHLY;BYDAY=3MO;COUNT=14', slot('2026-09-21', '16:00', '17:00')), { now: NOW });
    expect(created.occurrences.filter((o) => o.status !== 'requested' && o.status !== 'skipped')).toEqual([]);
    expect(created.occurrences.at(-1)).toMatchObject({ status: 'requested', startAt: at('2027-10-18', '16:00').toISOString() });
    // A single request that far ahead is still refused at the booking horizon.
    const single = await expectDomainError(
      createStaffRequest(db(), actors.staff, { resourceId: mr302, ...slot('2027-01-04', '10:00', '11:00'), purpose: '例会', phone: '138 0013 8000' }, { now: NOW }),
      'beyond_horizon',
    );
    expect(single.details.params).toEqual({ days: 90 });
  });
});

describe(`series requests (${testDriver})`, () => {
  it('shows a taken date with alternatives, then books every free one in one series', async () => {
    await seedBooking(db(), { resourceId: mr302, ...slot('2026-10-22', '09:30', '10:30'), status: 'confirmed', requester: actors.staff2 });
    const input = series('2026-10-19', 'FREQ=WEEKLY;BYDAY=MO,TH;COUNT=4');
    const preview = await previewSeries(db(), actors.staff, input, { now: NOW });
    expect(preview.occurrences.map((o) => o.status)).toEqual(['free', 'taken', 'free', 'free']);
    expect(preview.occurrences[1].alternatives?.length).toBeGreaterThan(0);

    const created = await createSeries(db(), actors.staff, input, { now: NOW });
    expect(created.reference).toMatch(/^RS-2026-\d{6}$/);
    expect(created.occurrences.map((o) => o.status)).toEqual(['requested', 'taken', 'requested', 'requested']);
    const rows = await db().select().from(bookings).where(eq(bookings.seriesId, created.seriesId));
    expect(rows.map((b) => [b.occurrenceNo, b.status, b.requesterUserId]).sort()).toEqual([
      [1, 'pending', actors.staff.id],
      [3, 'pending', actors.staff.id],
      [4, 'pending', actors.staff.id],
    ]);
    const events = await db().select().from(bookingEvents).where(inArray(bookingEvents.bookingId, rows.map((b) => b.id)));
    expect(events.map((e) => e.action)).toEqual(['submitted', 'submitted', 'submitted']);
    // One "request received" mail for the series, listing every date, not one per date.
    const mails = await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, rows.map((b) => b.id)));
    expect(mails.map((m) => [m.template, m.toAddress])).toEqual([['series-received', actors.staff.email]]);
    expect((mails[0].payload as { dates: { n: number; status: string }[] }).dates.map((d) => [d.n, d.status])).toEqual([
      [1, 'requested'],
      [2, 'taken'],
      [3, 'requested'],
      [4, 'requested'],
    ]);
    // Someone else cannot see it.
    await expectDomainError(getSeries(db(), actors.staff2, created.seriesId), 'not_found');
    expect((await getSeries(db(), actors.admin, created.seriesId)).occurrences).toHaveLength(3);
  });

  it('writes nothing when no date is free', async () => {
    await seedBooking(db(), { resourceId: mr302, ...slot('2026-11-02', '10:00', '11:00'), status: 'pending', requester: actors.staff2 });
    const before = await db().select().from(bookingSeries);
    await expectDomainError(createSeries(db(), actors.staff, series('2026-11-02', 'FREQ=WEEKLY;BYDAY=MO;COUNT=1'), { now: NOW }), 'slot_taken');
    expect(await db().select().from(bookingSeries)).toHaveLength(before.length);
  });

  it('admin enters a paper series for a member of staff', async () => {
    const created = await createSeries(
      db(),
      actors.admin,
      series('2026-11-03', 'FREQ=WEEKLY;BYDAY=TU;COUNT=2', { onBehalfOfUserId: actors.staff2.id, channel: 'paper' }),
      { now: NOW },
    );
    const rows = await db().select().from(bookings).where(eq(bookings.seriesId, created.seriesId));
    expect(rows.map((b) => [b.requesterUserId, b.enteredById, b.channel])).toEqual([
      [actors.staff2.id, actors.admin.id, 'paper'],
      [actors.staff2.id, actors.admin.id, 'paper'],
    ]);
    await expectDomainError(
      createSeries(db(), actors.staff, series('2026-11-10', 'FREQ=WEEKLY;COUNT=1', { onBehalfOfUserId: actors.staff2.id }), { now: NOW }),
      'forbidden',
    );
  });

  it('50 simultaneous requests for one occurrence\'s slot: exactly one holds it', async () => {
    const wanted = slot('2026-11-18', '14:00', '15:00');
    const attempts = Array.from({ length: 50 }, (_, i) =>
      i % 2 === 0
        ? createSeries(db(), actors[i % 4 === 0 ? 'staff' : 'staff2'], { ...series('2026-11-18', 'FREQ=WEEKLY;BYDAY=WE;COUNT=1'), ...wanted }, { now: NOW })
        : createStaffRequest(db(), actors.staff2, { resourceId: mr302, ...wanted, purpose: '临时会议', phone: '138 0013 8000' }, { now: NOW }),
    );
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(isDomainError(r.reason) ? r.reason.code : r.reason).toBe('slot_taken');
    }
    const holders = await db()
      .select()
      .from(bookings)
      .where(and(eq(bookings.resourceId, mr302), eq(bookings.startAt, wanted.startAt)));
    expect(holders).toHaveLength(1);
  });
});

describe(`series decisions (${testDriver})`, () => {
  async function newSeries(day: string, count: number) {
    const created = await createSeries(db(), actors.staff, series(day, `FREQ=WEEKLY;COUNT=${count}`), { now: NOW });
    return created.seriesId;
  }
  const statusesOf = async (seriesId: string) =>
    (await getSeries(db(), actors.admin, seriesId)).occurrences.map((b) => [b.occurrenceNo, b.status]);

  it('admin approves all; the applicant confirms the series once', async () => {
    const id = await newSeries('2026-09-29', 3);
    await expectDomainError(approveSeries(db(), actors.staff, { seriesId: id, opinion: '同意' }, { now: NOW }), 'forbidden');
    const approved = await approveSeries(db(), actors.admin, { seriesId: id, opinion: '同意' }, { now: NOW });
    // 29 Sep, 6 Oct (a holiday: skipped, no booking) and 13 Oct.
    expect(approved.map((o) => [o.n, o.status])).toEqual([
      [1, 'awaiting_confirmation'],
      [3, 'awaiting_confirmation'],
    ]);
    await expectDomainError(confirmSeries(db(), actors.staff2, { seriesId: id }, { now: NOW }), 'not_found');
    const confirmed = await confirmSeries(db(), actors.staff, { seriesId: id }, { now: NOW });
    expect(confirmed.map((o) => o.status)).toEqual(['confirmed', 'confirmed']);
    await expectDomainError(confirmSeries(db(), actors.staff, { seriesId: id }, { now: NOW }), 'invalid_transition');
  });

  it('admin approves some occurrences and rejects the others', async () => {
    const id = await newSeries('2026-11-26', 3);
    await approveSeries(db(), actors.admin, { seriesId: id, opinion: '同意', occurrences: [1, 3] }, { now: NOW });
    await rejectSeries(db(), actors.admin, { seriesId: id, reason: '当天有培训', occurrences: [2] }, { now: NOW });
    expect(await statusesOf(id)).toEqual([
      [1, 'awaiting_confirmation'],
      [2, 'rejected'],
      [3, 'awaiting_confirmation'],
    ]);
  });

  it('an occurrence that cannot be approved is reported; the others are approved', async () => {
    const id = await newSeries('2026-11-23', 2);
    const [, second] = (await getSeries(db(), actors.admin, id)).occurrences;
    // Admin is told 'slot_taken' for one occurrence once a blackout covers it.
    await db().insert(blackouts).values({ resourceId: mr302, kind: 'blackout', startAt: second.startAt, endAt: second.endAt, reason: '装修' });
    const outcome = await approveSeries(db(), actors.admin, { seriesId: id, opinion: '同意' }, { now: NOW });
    expect(outcome.map((o) => [o.n, o.status, o.error?.code ?? null])).toEqual([
      [1, 'awaiting_confirmation', null],
      [2, 'pending', 'slot_taken'],
    ]);
  });

  it('one confirmation link confirms the whole series', async () => {
    const id = await newSeries('2026-10-21', 2);
    await approveSeries(db(), actors.admin, { seriesId: id, opinion: '同意' }, { now: NOW });
    const [first] = (await getSeries(db(), actors.admin, id)).occurrences;
    const token = await issueToken(db(), { bookingId: first.id, purpose: 'respond', expiresAt: first.endAt });
    const outcome = await confirmSeriesByLink(db(), token, { now: NOW });
    expect(outcome.map((o) => [o.n, o.status])).toEqual([
      [1, 'confirmed'],
      [2, 'confirmed'],
    ]);
    await expectDomainError(confirmSeriesByLink(db(), token, { now: NOW }), 'token_invalid');
  });

  it('the link page of one approved date confirms the whole series', async () => {
    const id = await newSeries('2026-12-02', 2);
    await approveSeries(db(), actors.admin, { seriesId: id, opinion: '同意' }, { now: NOW });
    const [, second] = (await getSeries(db(), actors.admin, id)).occurrences;
    const token = await issueToken(db(), { bookingId: second.id, purpose: 'respond', expiresAt: second.endAt });
    expect((await confirmByLink(db(), token, { now: NOW })).status).toBe('confirmed');
    expect(await statusesOf(id)).toEqual([
      [1, 'confirmed'],
      [2, 'confirmed'],
    ]);
  });

  it('cancels one occurrence, this and the following, or the whole series', async () => {
    const id = await newSeries('2026-10-16', 5);
    await expectDomainError(cancelSeries(db(), actors.staff2, { seriesId: id, reason: '改期', scope: 'all' }, { now: NOW }), 'not_found');
    await cancelSeries(db(), actors.staff, { seriesId: id, reason: '出差', scope: 'one', occurrence: 2 }, { now: NOW });
    expect(await statusesOf(id)).toEqual([
      [1, 'pending'],
      [2, 'cancelled'],
      [3, 'pending'],
      [4, 'pending'],
      [5, 'pending'],
    ]);
    await cancelSeries(db(), actors.staff, { seriesId: id, reason: '项目结束', scope: 'following', occurrence: 4 }, { now: NOW });
    expect(await statusesOf(id)).toEqual([
      [1, 'pending'],
      [2, 'cancelled'],
      [3, 'pending'],
      [4, 'cancelled'],
      [5, 'cancelled'],
    ]);
    await cancelSeries(db(), actors.admin, { seriesId: id, reason: '会议室调整', scope: 'all' }, { now: NOW });
    expect((await statusesOf(id)).map(([, s]) => s)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
    await expectDomainError(cancelSeries(db(), actors.staff, { seriesId: id, reason: '再取消', scope: 'all' }, { now: NOW }), 'invalid_transition');
  });
});

describe(`three no-shows in a row (${testDriver})`, () => {
  /** A series whose dates are put straight into these statuses (the state the job starts from). */
  async function seriesWith(day: string, statuses: BookingStatus[]) {
    const created = await createSeries(db(), actors.staff, series(day, `FREQ=WEEKLY;COUNT=${statuses.length}`, slot(day, '15:00', '16:00')), { now: NOW });
    for (const [i, status] of statuses.entries()) {
      await db()
        .update(bookings)
        .set({ status })
        .where(and(eq(bookings.seriesId, created.seriesId), eq(bookings.occurrenceNo, i + 1)));
    }
    return created.seriesId;
  }
  const warnedAt = async (id: string) => (await db().select().from(bookingSeries).where(eq(bookingSeries.id, id)))[0].noShowWarnedAt;
  const mails = (id: string) =>
    db().select().from(emailOutbox).where(and(eq(emailOutbox.template, 'series-no-shows'), like(emailOutbox.dedupeKey, `series:${id}:%`)));

  it('warns the applicant and admin once; a cancelled date in between does not break the run, a used one does', async () => {
    const run = await seriesWith('2026-10-13', ['completed', 'no_show', 'cancelled', 'no_show', 'no_show']);
    const broken = await seriesWith('2026-10-14', ['no_show', 'no_show', 'completed', 'no_show', 'no_show']);
    const later = NOW;
    await warnSeriesNoShows(db(), later);
    expect(await warnedAt(run)).toEqual(later);
    expect(await warnedAt(broken)).toBeNull();
    const sent = await mails(run);
    expect(sent.map((m) => m.toAddress).sort()).toEqual(['admin@example.com', 'staff@example.com']);
    expect(sent.every((m) => (m.payload as { seriesReference: string }).seriesReference.startsWith('RS-'))).toBe(true);
    // Once only.
    await warnSeriesNoShows(db(), new Date(later.getTime() + 3_600_000));
    expect(await mails(run)).toHaveLength(2);
  });
});
