/**
 * The follow-up survey (policy II.3): `follow_up_survey_hours` after a customer's visit ended the
 * customer gets one survey mail — not before, not for staff bookings, not twice, and two runs at
 * once send it once; a run over 200 bookings takes the statements a run over 20 does. The link:
 * opening it changes nothing, it answers once, an expired one answers nothing. The answers reach
 * customer service (the work-queue count, read marks) and the satisfaction figures.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { bookings, emailOutbox, surveys } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { answerSurvey, loadSurveyLink, surveyLinkState } from '@/lib/surveys/answer';
import { getBookingSurvey, listSurveyAnswers, markSurveysSeen } from '@/lib/surveys/queries';
import { satisfactionByResource } from '@/lib/surveys/satisfaction';
import { SURVEY_LINK_DAYS, SURVEY_TEMPLATE, sendFollowUpSurveys } from '@/lib/surveys/send';
import { tokenOf } from '@/lib/tokens';
import { workQueueCounts } from '@/lib/work-queue/counts';
import { expectDomainError, loadActors, NOW, resourceByCode, type Who } from '../helpers/booking-fixtures';
import { testDriver, useTestDb } from '../helpers/db';
import { openSideClients, type SideClients } from '../helpers/side-clients';

const { db, handle } = useTestDb();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let actors: Record<Who, UserActor>;
let room: string;
let showroom: string;
let second: Db;
let counted: Db;
let side: SideClients;

beforeAll(async () => {
  actors = await loadActors(db());
  room = (await resourceByCode(db(), 'MR-302')).id;
  showroom = (await resourceByCode(db(), 'SR-101')).id;
  side = openSideClients(db(), handle().url);
  ({ second, counted } = side);
  // The delay the tests assume (the product default), and nothing of the demo data due.
  await db().update(schema.policySettings).set({ followUpSurveyHours: 2 });
  await sendFollowUpSurveys(db(), NOW);
});

afterAll(async () => {
  await side.close();
});

let batch = 0;

interface Shape {
  /** Hours before NOW the booking ended. */
  endedHoursAgo: number;
  staff?: boolean;
  status?: schema.BookingStatus;
  checkedOutHoursAgo?: number;
  resourceId?: string;
  locale?: 'zh' | 'en';
}

/** `n` bookings of one shape, an hour long, written set-based like the benchmark. */
async function visits(n: number, shape: Shape): Promise<string[]> {
  const b = batch++;
  const end = new Date(NOW.getTime() - shape.endedHoursAgo * HOUR).toISOString();
  const checkedOut = shape.checkedOutHoursAgo === undefined ? null : new Date(NOW.getTime() - shape.checkedOutHoursAgo * HOUR).toISOString();
  const rows = await db().execute<{ id: string }>(sql`
    insert into bookings (reference, resource_id, requester_kind, requester_user_id, contact_name, contact_phone,
                          contact_email, channel, status, locale, holds_slot, start_at, end_at, checked_out_at)
    select 'SV-' || ${b} || '-' || i, ${shape.resourceId ?? room}::uuid,
           ${shape.staff ? 'staff' : 'customer'}::requester_kind, ${shape.staff ? actors.staff.id : null}::uuid,
           '周先生', '021-5888 0000', 'visitor' || ${b} || '-' || i || '@customer.example.com',
           ${shape.staff ? 'portal' : 'public'}::booking_channel, ${shape.status ?? 'completed'}::booking_status,
           ${shape.locale ?? 'zh'}::locale, false,
           ${end}::timestamptz - interval '1 hour', ${end}::timestamptz, ${checkedOut}::timestamptz
      from generate_series(0, ${n - 1}::int) i
    returning id`);
  return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
}

const mailsOf = (ids: string[]) =>
  db().select().from(emailOutbox).where(and(inArray(emailOutbox.bookingId, ids), eq(emailOutbox.template, SURVEY_TEMPLATE)));
const surveysOf = (ids: string[]) => db().select().from(surveys).where(inArray(surveys.bookingId, ids));

describe(`the follow-up survey job (${testDriver})`, () => {
  it('surveys a completed customer visit once, the delay after it ended, and nobody else', async () => {
    const [due] = await visits(1, { endedHoursAgo: 3, locale: 'en' });
    const [early] = await visits(1, { endedHoursAgo: 1 });
    const [checkedOutEarly] = await visits(1, { endedHoursAgo: 0.5, checkedOutHoursAgo: 2.5 });
    const [staff] = await visits(1, { endedHoursAgo: 3, staff: true });
    const [notCompleted] = await visits(1, { endedHoursAgo: 3, status: 'no_show' });
    const [old] = await visits(1, { endedHoursAgo: 10 * 24 });

    expect(await sendFollowUpSurveys(db(), NOW)).toEqual({ sent: 2 });
    const mails = await mailsOf([due, early, checkedOutEarly, staff, notCompleted, old]);
    expect(mails.map((m) => m.bookingId).sort()).toEqual([due, checkedOutEarly].sort());
    const toDue = mails.find((m) => m.bookingId === due)!;
    expect(toDue).toMatchObject({ toAddress: expect.stringMatching(/@customer\.example\.com$/), locale: 'en' });
    const [survey] = await surveysOf([due]);
    expect(survey.expiresAt.getTime() - NOW.getTime()).toBe(SURVEY_LINK_DAYS * DAY);
    // The mail carries the survey's own token as a placeholder, filled in at send time.
    expect(JSON.stringify(toDue.payload)).toContain(`/s/{link-token:${survey.id}}`);

    // Again at once: nothing new. An hour later the early one is due.
    expect(await sendFollowUpSurveys(db(), NOW)).toEqual({ sent: 0 });
    expect(await sendFollowUpSurveys(db(), new Date(NOW.getTime() + 1.5 * HOUR))).toEqual({ sent: 1 });
    expect((await mailsOf([early])).length).toBe(1);
    expect(await surveysOf([staff, notCompleted, old])).toEqual([]);
  });

  it('sends nothing while the delay has not passed', async () => {
    const ids = await visits(3, { endedHoursAgo: 1.99 });
    expect(await sendFollowUpSurveys(db(), NOW)).toEqual({ sent: 0 });
    expect(await surveysOf(ids)).toEqual([]);
    expect(await sendFollowUpSurveys(db(), new Date(NOW.getTime() + 0.02 * HOUR))).toEqual({ sent: 3 });
  });

  it('surveys 200 visits in the statements it takes for 20', async () => {
    const small = await visits(20, { endedHoursAgo: 4 });
    side.statements.n = 0;
    expect(await sendFollowUpSurveys(counted, NOW)).toEqual({ sent: 20 });
    const forSmall = side.statements.n;
    const large = await visits(200, { endedHoursAgo: 4 });
    side.statements.n = 0;
    expect(await sendFollowUpSurveys(counted, NOW)).toEqual({ sent: 200 });
    expect(side.statements.n).toBe(forSmall);
    expect((await mailsOf([...small, ...large])).length).toBe(220);
  });

  it('two runs at once survey every visit exactly once', async () => {
    const ids = await visits(200, { endedHoursAgo: 5 });
    const [a, b] = await Promise.all([sendFollowUpSurveys(db(), NOW), sendFollowUpSurveys(second, NOW)]);
    expect(a.sent + b.sent).toBe(200);
    const mails = await mailsOf(ids);
    expect(mails.length).toBe(200);
    expect(new Set(mails.map((m) => m.bookingId)).size).toBe(200);
    expect((await surveysOf(ids)).length).toBe(200);
  });
});

/** A surveyed visit and its link's token. */
async function surveyed(shape: Partial<Shape> = {}, jobNow = NOW): Promise<{ bookingId: string; token: string; surveyId: string }> {
  const [bookingId] = await visits(1, { endedHoursAgo: 3, ...shape });
  await sendFollowUpSurveys(db(), jobNow);
  const [survey] = await surveysOf([bookingId]);
  return { bookingId, token: tokenOf(survey.id), surveyId: survey.id };
}

const answer = { overall: 4, condition: 2, service: 5, comment: '投影仪有点暗', mayContact: true };

describe('the survey link', () => {
  it('opening it changes nothing; it answers once', async () => {
    const { bookingId, token } = await surveyed();
    const before = await surveysOf([bookingId]);
    const page = await loadSurveyLink(db(), token, NOW);
    expect(page).toMatchObject({ reference: expect.stringMatching(/^SV-/), locale: 'zh', timeZone: 'Asia/Shanghai' });
    await loadSurveyLink(db(), token, NOW);
    expect(await surveyLinkState(db(), token, NOW)).toBe('open');
    expect(await surveysOf([bookingId])).toEqual(before);

    const later = new Date(NOW.getTime() + HOUR);
    expect(await answerSurvey(db(), token, answer, later)).toEqual({ bookingId, answeredAt: later });
    const [row] = await surveysOf([bookingId]);
    expect(row).toMatchObject({ ...answer, answeredAt: later, seenAt: null });

    await expectDomainError(answerSurvey(db(), token, { ...answer, overall: 1 }, later), 'token_invalid');
    await expectDomainError(loadSurveyLink(db(), token, later), 'token_invalid');
    expect(await surveyLinkState(db(), token, later)).toBe('used');
    expect((await surveysOf([bookingId]))[0].overall).toBe(4);
  });

  it('two answers at once: one is kept', async () => {
    const { token } = await surveyed();
    const results = await Promise.allSettled([answerSurvey(db(), token, answer, NOW), answerSurvey(second, token, { ...answer, overall: 1 }, NOW)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('an expired link shows nothing and takes no answer', async () => {
    const { bookingId, token } = await surveyed();
    const after = new Date(NOW.getTime() + SURVEY_LINK_DAYS * DAY + 1);
    await expectDomainError(loadSurveyLink(db(), token, after), 'token_invalid');
    await expectDomainError(answerSurvey(db(), token, answer, after), 'token_invalid');
    expect(await surveyLinkState(db(), token, after)).toBe('expired');
    expect((await surveysOf([bookingId]))[0].answeredAt).toBeNull();
  });

  it('refuses scores outside 1–5 and a missing "may we contact you", field by field, before looking at the token', async () => {
    const { bookingId, token } = await surveyed();
    const error = await expectDomainError(answerSurvey(db(), token, { overall: 0, condition: 6, service: 2.5, comment: 'x'.repeat(2001) }, NOW), 'invalid_input');
    expect(Object.keys(error.details.fields!).sort()).toEqual(['comment', 'condition', 'mayContact', 'overall', 'service']);
    expect(error.details.fields!.overall).toEqual(['survey.validation.score']);
    expect((await surveysOf([bookingId]))[0].answeredAt).toBeNull();
    await expectDomainError(answerSurvey(db(), 'A'.repeat(43), answer, NOW), 'token_invalid');
    await expectDomainError(answerSurvey(db(), 'short', answer, NOW), 'token_invalid');
  });
});

describe('the answers', () => {
  it('reach customer service: the booking, the list of new answers, the work-queue count, read marks', async () => {
    await db().update(surveys).set({ seenAt: NOW }).where(sql`${surveys.answeredAt} is not null`);
    const baseline = (await workQueueCounts(db(), actors.service, NOW)).desk ?? 0;
    const { bookingId, token, surveyId } = await surveyed();
    expect(await getBookingSurvey(db(), actors.service, bookingId)).toMatchObject({ answeredAt: null });
    await answerSurvey(db(), token, answer, NOW);

    expect(await getBookingSurvey(db(), actors.admin, bookingId)).toMatchObject(answer);
    await expectDomainError(getBookingSurvey(db(), actors.staff, bookingId), 'forbidden');
    const fresh = await listSurveyAnswers(db(), actors.service, { show: 'new' });
    expect(fresh.map((r) => r.id)).toEqual([surveyId]);
    expect(fresh[0]).toMatchObject({ bookingId, ...answer, contactName: '周先生', seenAt: null });
    expect((await workQueueCounts(db(), actors.service, NOW)).desk).toBe(baseline + 1);
    expect((await workQueueCounts(db(), actors.staff, NOW)).desk).toBeUndefined();

    await expectDomainError(markSurveysSeen(db(), actors.staff, [surveyId]), 'forbidden');
    expect(await markSurveysSeen(db(), actors.service, [surveyId], NOW)).toBe(1);
    expect(await markSurveysSeen(db(), actors.admin, [surveyId], NOW)).toBe(0);
    expect(await listSurveyAnswers(db(), actors.service, { show: 'new' })).toEqual([]);
    expect((await listSurveyAnswers(db(), actors.service, { show: 'all' })).find((r) => r.id === surveyId)).toMatchObject({
      seenBy: actors.service.name,
    });
    expect((await workQueueCounts(db(), actors.service, NOW)).desk ?? 0).toBe(baseline);
  });

  it('a low score creates nothing by itself', async () => {
    const { bookingId, token } = await surveyed();
    const [before] = await db().select().from(bookings).where(eq(bookings.id, bookingId));
    const mailsBefore = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
    await answerSurvey(db(), token, { overall: 1, condition: 1, service: 1, mayContact: false }, NOW);
    expect((await db().select().from(bookings).where(eq(bookings.id, bookingId)))[0]).toEqual(before);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId))).toEqual(mailsBefore);
  });

  it('satisfaction per resource for a period, in one statement, for admin and customer service only', async () => {
    // Visits of their own day, far from the others: 20 days before NOW.
    const day = 20 * 24;
    // The job and the answers at the time, three hours after those visits.
    const then = new Date(NOW.getTime() - (day - 3) * HOUR);
    const a = await surveyed({ endedHoursAgo: day, resourceId: showroom }, then);
    const b = await surveyed({ endedHoursAgo: day, resourceId: showroom }, then);
    await surveyed({ endedHoursAgo: day, resourceId: showroom }, then); // sent, not answered
    const c = await surveyed({ endedHoursAgo: day, resourceId: room }, then);
    await answerSurvey(db(), a.token, { overall: 5, condition: 4, service: 5, mayContact: true }, then);
    await answerSurvey(db(), b.token, { overall: 2, condition: 3, service: 4, mayContact: false }, then);
    await answerSurvey(db(), c.token, { overall: 3, condition: 3, service: 3, mayContact: false }, then);

    const period = { from: new Date(NOW.getTime() - (day + 12) * HOUR), to: new Date(NOW.getTime() - (day - 12) * HOUR) };
    side.statements.n = 0;
    const figures = await satisfactionByResource(counted, actors.admin, period);
    expect(side.statements.n).toBe(1);
    expect(figures.rows.map((r) => r.code)).toEqual(['MR-302', 'SR-101']);
    expect(figures.rows[1]).toMatchObject({ resourceId: showroom, sent: 3, responses: 2, overall: 3.5, condition: 3.5, service: 4.5 });
    expect(figures.rows[0]).toMatchObject({ sent: 1, responses: 1, overall: 3, condition: 3, service: 3 });
    expect(figures.total).toEqual({ sent: 4, responses: 3, overall: 3.33, condition: 3.33, service: 4 });

    expect((await satisfactionByResource(db(), actors.service, { ...period, resourceId: room })).rows.map((r) => r.code)).toEqual(['MR-302']);
    const empty = await satisfactionByResource(db(), actors.admin, { from: period.to, to: new Date(period.to.getTime() + HOUR) });
    expect(empty).toEqual({ rows: [], total: { sent: 0, responses: 0, overall: null, condition: null, service: null } });
    await expectDomainError(satisfactionByResource(db(), actors.staff, period), 'forbidden');
  });
});
