/**
 * Every server action under app/ is written with lib/forms/server-action.ts and answers every
 * refusal — not signed in, forbidden, not found, bad input — as an ActionResult in the user's
 * language, never as an exception (a 500). Each action is run through `invoke` with a given
 * actor on this file's database, exactly as a request would run it minus the session.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, holidays, incidents, resources, waitlistEntries } from '@/db/schema';
import { ANONYMOUS, type Actor } from '@/lib/authz';
import type { ActionResult } from '@/lib/forms/action-result';
import type { ActionContext, ServerAction } from '@/lib/forms/server-action';
import { useBookingTestDb } from '../helpers/booking-fixtures';

const { db, actors } = useBookingTestDb();

/** The sign-in actions belong to the auth layer and keep their own shape. */
const EXCLUDED = ['app/login/', 'app/actions/auth.ts'];

function actionFiles(): string[] {
  const root = join(process.cwd(), 'app');
  return (readdirSync(root, { recursive: true }) as string[])
    .map((file) => relative(process.cwd(), join(root, file)))
    .filter((file) => /(^|\/)actions(\.ts|\/[\w-]+\.ts)$/.test(file) && !EXCLUDED.some((x) => file.startsWith(x)))
    .sort();
}

let actions: { name: string; action: ServerAction<unknown> }[] = [];

beforeAll(async () => {
  for (const file of actionFiles()) {
    const exported = (await import(join(process.cwd(), file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'function') actions.push({ name: `${file} ${name}`, action: value as ServerAction<unknown> });
    }
  }
  actions = actions.sort((a, b) => a.name.localeCompare(b.name));
});

const ctx = (actor: Actor, locale: 'zh' | 'en' = 'en'): ActionContext => ({ db: db(), actor, locale, headers: new Headers() });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const byName = (suffix: string) => {
  const found = actions.find((a) => a.name.endsWith(suffix));
  if (!found) throw new Error(`no action ${suffix}`);
  return found.action;
};

describe('server actions', () => {
  it('every actions.ts exports only actions made with the helper', () => {
    expect(actions.length).toBeGreaterThanOrEqual(25);
    for (const { name, action } of actions) expect(typeof action.invoke, name).toBe('function');
  });

  it('an anonymous visitor with an empty form gets a refusal from every action, never an exception', async () => {
    for (const { name, action } of actions) {
      const result = await action.invoke(ctx(ANONYMOUS), new FormData());
      expect(result.ok, name).toBe(false);
      if (result.ok) continue;
      expect(result.message, name).toMatch(/\S/);
      expect(result.code, name).not.toBe('internal');
    }
  });

  it('a non-admin removing a holiday or retrying a mail is refused as a result (forbidden), nothing changes', async () => {
    const [day] = await db().select().from(holidays).limit(1);
    const removed = await byName('removeHolidayAction').invoke(ctx(actors.staff, 'zh'), form({ date: day.date }));
    expect(removed).toEqual({ ok: false, code: 'forbidden', message: '你没有权限执行此操作。', values: { date: day.date } });
    expect(await db().select().from(holidays).where(eq(holidays.date, day.date))).toHaveLength(1);

    const [mail] = await db()
      .insert(emailOutbox)
      .values({ dedupeKey: `dead-${Date.now()}`, template: 'approved', toAddress: 'x@example.com', locale: 'zh', payload: {}, status: 'dead' })
      .returning();
    for (const actor of [actors.staff, actors.service]) {
      expect(await byName('retryMailAction').invoke(ctx(actor), form({ id: mail.id }))).toMatchObject({ ok: false, code: 'forbidden' });
    }
    expect((await db().select().from(emailOutbox).where(eq(emailOutbox.id, mail.id)))[0].status).toBe('dead');

    // Admin may; the second try finds nothing to retry, and says so.
    expect(await byName('retryMailAction').invoke(ctx(actors.admin), form({ id: mail.id }))).toEqual({
      ok: true,
      data: undefined,
      message: 'The message is queued again and will be sent shortly.',
    });
    expect(await byName('retryMailAction').invoke(ctx(actors.admin), form({ id: mail.id }))).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('staff calling the other admin actions are refused as results', async () => {
    const staff = ctx(actors.staff);
    const refusals: [string, Record<string, string>][] = [
      ['saveHolidayAction', { date: '2031-10-01', kind: 'holiday', name: '国庆节' }],
      ['importHolidaysAction', {}],
      ['updateSettingsAction', { staffLeadWorkingDays: '1' }],
      ['approveAction', { bookingId: '00000000-0000-4000-8000-000000000000', opinion: 'ok' }],
      ['rejectAction', { bookingId: '00000000-0000-4000-8000-000000000000', reason: 'no' }],
      ['createEntryAction', {}],
    ];
    for (const [name, fields] of refusals) {
      const result: ActionResult<unknown> = await byName(name).invoke(staff, form(fields));
      expect(result, name).toMatchObject({ ok: false });
      expect(['forbidden', 'invalid_input'], name).toContain(result.ok ? '' : result.code);
    }
    // Where the input is complete, the role is what refuses.
    expect(await byName('saveHolidayAction').invoke(staff, form({ date: '2031-10-01', kind: 'holiday', name: '国庆节' }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });

  it('bad input comes back with field messages in the language asked for and the typed values', async () => {
    const result = await byName('saveHolidayAction').invoke(ctx(actors.admin, 'zh'), form({ date: '2031-02-30', kind: 'x', name: '' }));
    expect(result).toEqual({
      ok: false,
      code: 'invalid_input',
      message: '提交的内容有误，请检查标出的字段。',
      fieldErrors: {
        date: ['请输入 2000 至 2100 年之间的有效日期。'],
        kind: ['请选择“法定节假日”或“调休上班”。'],
        name: ['此项为必填项。'],
      },
      values: { date: '2031-02-30', kind: 'x', name: '' },
    });
  });

  it('damage reports and the waitlist: resolve (admin only), join and leave as results', async () => {
    const [resource] = await db().select().from(resources).limit(1);
    const [incident] = await db()
      .insert(incidents)
      .values({ resourceId: resource.id, severity: 'minor', description: '门锁松动' })
      .returning();
    expect(await byName('resolveIncidentAction').invoke(ctx(actors.staff), form({ incidentId: incident.id, notes: '已修' }))).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await byName('resolveIncidentAction').invoke(ctx(actors.admin, 'zh'), form({ incidentId: incident.id, notes: '已修' }))).toEqual({
      ok: true,
      data: undefined,
      message: '报告已处理。',
    });

    const startAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const endAt = new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString();
    const joined = await byName('joinWaitlistAction').invoke(ctx(actors.staff), { resourceId: resource.id, startAt, endAt });
    expect(joined).toMatchObject({ ok: true });
    const [entry] = await db().select().from(waitlistEntries).where(eq(waitlistEntries.userId, actors.staff.id));
    expect(await byName('leaveWaitlistAction').invoke(ctx(actors.staff2), form({ entryId: entry.id }))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await byName('leaveWaitlistAction').invoke(ctx(actors.staff), form({ entryId: entry.id }))).toMatchObject({ ok: true });
  });
});
