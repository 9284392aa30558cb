/**
 * Department suggestions (policy II.2) and rectification items (整改, II.3): who may send, read,
 * answer, open and move what; the transition table; the owner department's e-mails on
 * assignment and, once, when overdue — set-based, safe when two runs meet, and in a number of
 * statements that does not grow with the number of items.
 */
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import { departments, emailOutbox, incidents, rectificationEvents, rectifications, surveys, users } from '@/db/schema';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import type { ErrorCode } from '@/lib/errors';
import { answerFeedback, sendFeedback } from '@/lib/feedback/send';
import { listAllFeedback, listOwnFeedback } from '@/lib/feedback/queries';
import { reportIncident } from '@/lib/incidents/report';
import { renderEmail } from '@/lib/mail/render';
import { changeRectification } from '@/lib/rectifications/change';
import { createRectification } from '@/lib/rectifications/create';
import { notifyOverdueRectifications } from '@/lib/rectifications/overdue';
import { getRectification, listRectifications, rectificationPage, rectificationPrefill } from '@/lib/rectifications/queries';
import { sourceHref } from '@/lib/rectifications/links';
import { nextStatuses, RECTIFICATION_STEPS } from '@/lib/rectifications/state';
import { isJobName } from '@/lib/jobs';
import { workQueueCounts } from '@/lib/work-queue/counts';
import { openSideClients, type SideClients } from '../helpers/side-clients';
import { NOW, at, expectDomainError, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
const DAY = 86_400_000;
let tech: string;
let sales: string;

beforeAll(async () => {
  const rows = await db().select().from(departments);
  tech = rows.find((d) => d.code === 'TECH')!.id;
  sales = rows.find((d) => d.code === 'SALES')!.id;
});

type Caller = 'anonymous' | 'staff' | 'staff2' | 'service' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'staff', 'staff2', 'service', 'admin'];
const actorOf = (caller: Caller): Actor => (caller === 'anonymous' ? ANONYMOUS : actors[caller]);

async function outcome(promise: Promise<unknown>): Promise<ErrorCode | 'ok'> {
  return promise.then(
    () => 'ok' as const,
    (e: { code?: ErrorCode }) => e.code ?? (Promise.reject(e) as never),
  );
}

/** An item owned by Engineering (staff2 is its contact), due `dueDate`. */
const newItem = (overrides: Record<string, unknown> = {}) =>
  createRectification(db(), actors.admin, { title: '投影仪偏色', description: '画面偏黄', ownerDepartmentId: tech, dueDate: '2030-03-20', ...overrides }, { now: NOW });

describe('suggestions', () => {
  it('every signed-in member of staff sends one; each sees only their own, with the answer', async () => {
    const room = await resourceByCode(db(), 'MR-301');
    const mine = await sendFeedback(db(), actors.staff, { kind: 'complaint', resourceId: room.id, message: '投影仪偏色' });
    await sendFeedback(db(), actors.staff2, { kind: 'suggestion', message: '希望可以按周预约' });
    expect(mine).toMatchObject({ kind: 'complaint', authorUserId: actors.staff.id, departmentId: actors.staff.departmentId, answer: null });
    await expectDomainError(sendFeedback(db(), ANONYMOUS, { kind: 'suggestion', message: 'x' }), 'unauthenticated');

    const own = await listOwnFeedback(db(), actors.staff);
    expect(own.map((r) => r.feedback.id)).toContain(mine.id);
    expect(own.every((r) => r.feedback.authorUserId === actors.staff.id)).toBe(true);

    await answerFeedback(db(), actors.admin, mine.id, { answer: '已安排技术部检修' }, { now: NOW });
    const [answered] = (await listOwnFeedback(db(), actors.staff)).filter((r) => r.feedback.id === mine.id);
    expect(answered.feedback).toMatchObject({ answer: '已安排技术部检修', answeredById: actors.admin.id });
    await expectDomainError(answerFeedback(db(), actors.admin, mine.id, { answer: '再答一次' }), 'already_answered');
  });

  it('only admin reads every suggestion and answers', async () => {
    const sent = await sendFeedback(db(), actors.staff, { kind: 'suggestion', message: '增加一间小会议室' });
    const LIST: Record<Caller, ErrorCode | 'ok'> = { anonymous: 'unauthenticated', staff: 'forbidden', staff2: 'forbidden', service: 'forbidden', admin: 'ok' };
    for (const caller of CALLERS) {
      expect([caller, await outcome(listAllFeedback(db(), actorOf(caller)))]).toEqual([caller, LIST[caller]]);
      if (caller !== 'admin') expect([caller, await outcome(answerFeedback(db(), actorOf(caller), sent.id, { answer: 'x' }))]).toEqual([caller, LIST[caller]]);
    }
    const all = await listAllFeedback(db(), actors.admin, { unanswered: true });
    expect(all.rows.map((r) => r.feedback.id)).toContain(sent.id);
    expect(all.rows.find((r) => r.feedback.id === sent.id)).toMatchObject({ authorName: '张销售', rectifications: 0 });
  });

  it('refuses bad input field by field', async () => {
    const error = await expectDomainError(sendFeedback(db(), actors.staff, { kind: 'praise', message: '  ', resourceId: 'nope' }), 'invalid_input');
    expect(error.details.fields).toMatchObject({ kind: ['invalid_choice'], message: ['required'], resourceId: ['invalid_id'] });
    const unknown = await expectDomainError(
      sendFeedback(db(), actors.staff, { kind: 'suggestion', message: 'x', resourceId: '00000000-0000-4000-8000-000000000000' }),
      'invalid_input',
    );
    expect(unknown.details.fields).toEqual({ resourceId: ['invalid_id'] });
  });
});

describe('rectification items: who may do what', () => {
  it('the desk opens items; staff and contacts cannot; staff cannot list them', async () => {
    const input = { title: 't', ownerDepartmentId: tech, dueDate: '2030-03-20' };
    const CREATE: Record<Caller, ErrorCode | 'ok'> = { anonymous: 'unauthenticated', staff: 'forbidden', staff2: 'forbidden', service: 'ok', admin: 'ok' };
    const LIST: Record<Caller, ErrorCode | 'ok'> = { anonymous: 'unauthenticated', staff: 'forbidden', staff2: 'ok', service: 'ok', admin: 'ok' };
    for (const caller of CALLERS) {
      expect([caller, await outcome(createRectification(db(), actorOf(caller), input, { now: NOW }))]).toEqual([caller, CREATE[caller]]);
      expect([caller, await outcome(listRectifications(db(), actorOf(caller), { now: NOW }))]).toEqual([caller, LIST[caller]]);
    }
  });

  it("a department contact sees and moves only its department's items, and cannot verify or reassign", async () => {
    const ours = await newItem();
    const theirs = await newItem({ ownerDepartmentId: sales });
    const listed = await listRectifications(db(), actors.staff2, { view: 'all', now: NOW });
    expect(listed.rows.every((r) => r.item.ownerDepartmentId === tech)).toBe(true);
    await expectDomainError(getRectification(db(), actors.staff2, theirs.id, NOW), 'not_found');
    await expectDomainError(changeRectification(db(), actors.staff2, theirs.id, { status: 'in_progress' }), 'not_found');
    await expectDomainError(changeRectification(db(), actors.staff, ours.id, { status: 'in_progress' }), 'forbidden');

    await changeRectification(db(), actors.staff2, ours.id, { status: 'in_progress', note: '已联系厂家' }, { now: NOW });
    await expectDomainError(changeRectification(db(), actors.staff2, ours.id, { dueDate: '2030-04-01' }), 'forbidden');
    await changeRectification(db(), actors.staff2, ours.id, { status: 'done' }, { now: NOW });
    await expectDomainError(changeRectification(db(), actors.staff2, ours.id, { status: 'verified' }), 'forbidden');
    const view = await getRectification(db(), actors.staff2, ours.id, NOW);
    expect(view).toMatchObject({ canReassign: false, nextStatuses: ['in_progress'] });
    await changeRectification(db(), actors.service, ours.id, { status: 'verified' }, { now: NOW });
  });
});

describe('rectification items: transitions', () => {
  it('follows the table: every pair allowed exactly when listed', async () => {
    const STATUSES = ['open', 'in_progress', 'done', 'verified'] as const;
    // Reach each status through allowed steps, then try every target from it.
    const path: Record<(typeof STATUSES)[number], (typeof STATUSES)[number][]> = {
      open: [],
      in_progress: ['in_progress'],
      done: ['done'],
      verified: ['done', 'verified'],
    };
    for (const from of STATUSES) {
      for (const to of STATUSES) {
        if (from === to) continue;
        const item = await newItem();
        for (const step of path[from]) await changeRectification(db(), actors.admin, item.id, { status: step }, { now: NOW });
        const allowed = RECTIFICATION_STEPS[to].from.includes(from);
        const result = await outcome(changeRectification(db(), actors.admin, item.id, { status: to }, { now: NOW }));
        expect([from, to, result]).toEqual([from, to, allowed ? 'ok' : 'rectification_transition']);
      }
    }
    expect(nextStatuses('verified', ['desk', 'owner'])).toEqual([]);
  });

  it('records every change with who and when, and a note on its own', async () => {
    const item = await newItem();
    await changeRectification(db(), actors.admin, item.id, { status: 'in_progress', note: '开始' }, { now: NOW });
    await changeRectification(db(), actors.service, item.id, { note: '客户已回访' }, { now: NOW });
    await changeRectification(db(), actors.admin, item.id, { ownerDepartmentId: sales, dueDate: '2030-04-01' }, { now: NOW });
    const events = await db().select().from(rectificationEvents).where(eq(rectificationEvents.rectificationId, item.id));
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName, e.note]).sort()).toEqual(
      [
        ['created', null, 'open', '王行政', ''],
        ['status', 'open', 'in_progress', '王行政', '开始'],
        ['note', null, null, '李客服', '客户已回访'],
        ['reassigned', null, null, '王行政', ''],
      ].sort(),
    );
    expect(events.find((e) => e.action === 'reassigned')!.data).toEqual({
      before: { ownerDepartmentId: tech, dueDate: '2030-03-20' },
      after: { ownerDepartmentId: sales, dueDate: '2030-04-01' },
    });
    const error = await expectDomainError(changeRectification(db(), actors.admin, item.id, {}), 'invalid_input');
    expect(error.details.fields).toEqual({ status: ['nothing_to_change'] });
  });

  it('comes from a damage report with the report as its source, prefilled from it', async () => {
    const room = await resourceByCode(db(), 'MR-301');
    const report = await reportIncident(db(), actors.admin, room.id, { severity: 'minor', description: '空调异响\n靠窗一侧' }, { now: NOW });
    const prefill = await rectificationPrefill(db(), actors.service, { kind: 'incident', id: report.id });
    expect(prefill).toEqual({ title: '空调异响', description: '空调异响\n靠窗一侧', resourceId: room.id });
    const item = await newItem({ ...prefill, source: { kind: 'incident', id: report.id } });
    expect(item).toMatchObject({ sourceKind: 'incident', sourceId: report.id, resourceId: room.id });
    const missing = await expectDomainError(newItem({ source: { kind: 'incident', id: '00000000-0000-4000-8000-000000000000' } }), 'invalid_input');
    expect(missing.details.fields).toEqual({ 'source.id': ['invalid_id'] });
    await expectDomainError(rectificationPrefill(db(), actors.staff, { kind: 'incident', id: report.id }), 'forbidden');
    expect(await db().select({ n: count() }).from(incidents).where(eq(incidents.id, report.id))).toEqual([{ n: 1 }]);
  });

  it("comes from a customer's survey answer: titled with the resource and scores, the comment as description; a missing survey is refused", async () => {
    const room = await resourceByCode(db(), 'MR-301');
    const booking = await seedBooking(db(), { resourceId: room.id, ...slot('2030-03-04', '09:00', '10:00'), status: 'completed' });
    const [survey] = await db()
      .insert(surveys)
      .values({ bookingId: booking.id, tokenHash: `rect-${booking.id}`, expiresAt: at('2030-03-18', '09:00'), answeredAt: at('2030-03-05', '09:00'), overall: 2, condition: 1, service: 4, comment: '地毯有污渍', mayContact: true })
      .returning();
    const source = { kind: 'survey' as const, id: survey.id };
    const prefill = await rectificationPrefill(db(), actors.service, source);
    expect(prefill).toEqual({
      title: `MR-301 ${room.nameZh}：客户回访 总体 2/5，资源状况 1/5，服务 4/5`,
      description: `预约 ${booking.reference} 的客户回访。\n\n地毯有污渍`,
      resourceId: room.id,
    });
    expect((await rectificationPrefill(db(), actors.admin, source, 'en'))!.title).toBe(`MR-301 ${room.nameEn}: customer survey, overall 2/5, condition 1/5, service 4/5`);
    expect(await rectificationPrefill(db(), actors.admin, { kind: 'survey', id: '00000000-0000-4000-8000-000000000000' })).toBeNull();

    const item = await newItem({ ...prefill, source });
    expect(item).toMatchObject({ sourceKind: 'survey', sourceId: survey.id, resourceId: room.id });
    const view = await getRectification(db(), actors.service, item.id, NOW);
    expect(sourceHref(source, view.surveyBookingId)).toBe(`/desk/bookings/${booking.id}`);
    const missing = await expectDomainError(newItem({ source: { kind: 'survey', id: '00000000-0000-4000-8000-000000000000' } }), 'invalid_input');
    expect(missing.details.fields).toEqual({ 'source.id': ['invalid_id'] });
  });
});

describe('rectification items: e-mails to the owner department', () => {
  const mailsOf = (itemId: string, reason: string) =>
    db().select().from(emailOutbox).where(like(emailOutbox.dedupeKey, `rectification:${itemId}:${reason}:%`));

  it("assignment mails the department's contacts, in their language; reassignment mails the new department", async () => {
    const item = await newItem();
    const mails = await mailsOf(item.id, 'assigned');
    expect(mails.map((m) => m.toAddress)).toEqual(['staff2@example.com']);
    const rendered = await renderEmail(mails[0]);
    expect(rendered.subject).toContain('投影仪偏色');
    expect(rendered.text).toContain('2030-03-20');
    expect(rendered.text).toContain(`/rectifications/${item.id}`);

    // Sales has no contact: its own address, when it has one.
    await db().update(departments).set({ email: 'sales@example.com' }).where(eq(departments.id, sales));
    await changeRectification(db(), actors.admin, item.id, { ownerDepartmentId: sales }, { now: NOW });
    expect((await mailsOf(item.id, 'assigned')).map((m) => m.toAddress).sort()).toEqual(['sales@example.com', 'staff2@example.com']);
  });

  it('an overdue item mails its owner once; a new due date allows a new notice; done items are not overdue', async () => {
    const late = await newItem({ dueDate: '2030-03-01' });
    const finished = await newItem({ dueDate: '2030-03-01' });
    await changeRectification(db(), actors.admin, finished.id, { status: 'done' }, { now: NOW });
    const notYet = await newItem({ dueDate: '2030-03-04' });

    const first = await notifyOverdueRectifications(db(), NOW);
    expect(first.rectificationsOverdue).toBeGreaterThanOrEqual(1);
    expect(await notifyOverdueRectifications(db(), NOW)).toEqual({ rectificationsOverdue: 0 });
    expect(await mailsOf(late.id, 'overdue')).toHaveLength(1);
    expect(await mailsOf(finished.id, 'overdue')).toHaveLength(0);
    expect(await mailsOf(notYet.id, 'overdue')).toHaveLength(0);
    const rendered = await renderEmail((await mailsOf(late.id, 'overdue'))[0]);
    expect(rendered.subject).toContain('逾期');

    await changeRectification(db(), actors.admin, late.id, { dueDate: '2030-03-02' }, { now: NOW });
    await notifyOverdueRectifications(db(), NOW);
    expect(await mailsOf(late.id, 'overdue')).toHaveLength(2);
    // The next day, notYet is overdue.
    await notifyOverdueRectifications(db(), new Date(NOW.getTime() + DAY));
    expect(await mailsOf(notYet.id, 'overdue')).toHaveLength(1);
    expect(isJobName('notify-overdue-rectifications')).toBe(true);
  });

  it('the list and the work queue show open and overdue items', async () => {
    const item = await newItem({ dueDate: '2030-03-03' });
    const overdue = await listRectifications(db(), actors.service, { view: 'overdue', now: NOW });
    expect(overdue.rows.find((r) => r.item.id === item.id)).toMatchObject({ overdue: true });
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    const counts = await workQueueCounts(db(), actors.service, NOW);
    expect(counts.rectifications).toBeGreaterThan(0);
    expect((await workQueueCounts(db(), actors.staff, NOW)).rectifications).toBeUndefined();

    // The API's cursor pages cover the same list without repeats.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await rectificationPage(db(), actors.admin, { view: 'all', limit: 3, cursor, now: NOW });
      seen.push(...page.items.map((r) => r.item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const [{ n }] = await db().select({ n: count() }).from(rectifications);
    expect(new Set(seen).size).toBe(n);
    expect(seen).toHaveLength(n);
  });
});

describe('the overdue job in sets', () => {
  let counted: Db;
  let second: Db;
  let side: SideClients;

  beforeAll(async () => {
    side = openSideClients(db(), handle().url);
    ({ second, counted } = side);
    // A second contact in Engineering: each item mails two people.
    await db().update(users).set({ isDepartmentContact: true }).where(eq(users.email, 'admin@example.com'));
    await db().update(users).set({ departmentId: tech }).where(eq(users.email, 'admin@example.com'));
    await notifyOverdueRectifications(db(), NOW);
  });

  afterAll(async () => {
    await side.close();
  });

  let batch = 0;
  /** `n` overdue items of Engineering, written in one statement. */
  async function overdueItems(n: number): Promise<string[]> {
    batch++;
    const rows = await db().execute<{ id: string }>(sql`
      insert into rectifications (title, owner_department_id, due_date)
      select 'SET-' || ${batch} || '-' || i, ${tech}::uuid, date '2030-02-01' from generate_series(1, ${n}) i
      returning id`);
    return (Array.isArray(rows) ? rows : (rows as { rows: { id: string }[] }).rows).map((r) => r.id);
  }

  const overdueMails = async (ids: string[]) => {
    const [{ n }] = await db()
      .select({ n: count() })
      .from(emailOutbox)
      .where(and(like(emailOutbox.dedupeKey, 'rectification:%:overdue:%'), inArray(sql`split_part(${emailOutbox.dedupeKey}, ':', 2)`, ids)));
    return n;
  };

  it('N = 200 takes as many statements as N = 20', async () => {
    const small = await overdueItems(20);
    side.statements.n = 0;
    expect(await notifyOverdueRectifications(counted, NOW)).toEqual({ rectificationsOverdue: 20 });
    const forSmall = side.statements.n;
    const large = await overdueItems(200);
    side.statements.n = 0;
    expect(await notifyOverdueRectifications(counted, NOW)).toEqual({ rectificationsOverdue: 200 });
    expect(forSmall).toBeGreaterThan(3);
    expect(side.statements.n).toBe(forSmall);
    expect(await overdueMails(small)).toBe(40);
    expect(await overdueMails(large)).toBe(400);
  });

  it('two runs at once mail each item once', async () => {
    const ids = await overdueItems(50);
    const [a, b] = await Promise.all([notifyOverdueRectifications(db(), NOW), notifyOverdueRectifications(second, NOW)]);
    expect(a.rectificationsOverdue + b.rectificationsOverdue).toBe(50);
    expect(await overdueMails(ids)).toBe(100);
    const [{ n }] = await db()
      .select({ n: count() })
      .from(rectificationEvents)
      .where(and(eq(rectificationEvents.action, 'overdue_notified'), inArray(rectificationEvents.rectificationId, ids)));
    expect(n).toBe(50);
  });
});
