/**
 * Suggestions and rectification items through the JSON API as Next calls the route handlers:
 * bad input is a 422 with field messages in the caller's language, roles are enforced, a step
 * the status does not allow is a 409, and the assignment mail reaches a real SMTP server.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as feedbackPOST } from '@/app/api/v1/feedback/route';
import { PATCH as rectificationPATCH } from '@/app/api/v1/rectifications/[id]/route';
import { GET as rectificationsGET, POST as rectificationsPOST } from '@/app/api/v1/rectifications/route';
import { departments, users } from '@/db/schema';
import { createApiToken, setApiAccess } from '@/lib/api-access/tokens';
import { deliverOutbox } from '@/lib/mail/deliver';
import { useBookingTestDb } from '../helpers/booking-fixtures';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

const { db, handle, actors } = useBookingTestDb();
const BASE = 'http://booking.test/api/v1';
let smtp: TestSmtpServer;
let adminToken: string;
let staffToken: string;
let tech: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  adminToken = (await createApiToken(db(), actors.admin, { name: 'ops', scopes: ['read', 'write'] })).token;
  await setApiAccess(db(), actors.admin, actors.staff.id, true);
  staffToken = (await createApiToken(db(), actors.staff, { name: 'mine', scopes: ['read', 'write'] })).token;
  tech = (await db().select().from(departments).where(eq(departments.code, 'TECH')))[0].id;
  // Engineering's contact reads English.
  await db().update(users).set({ locale: 'en' }).where(eq(users.id, actors.staff2.id));
});

afterAll(async () => {
  await smtp.close();
});

const send = (handler: (req: Request, ctx?: never) => Promise<Response>, method: string, path: string, token: string, body: unknown, locale = 'en') =>
  handler(
    new Request(`${BASE}${path}?locale=${locale}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );

const patch = (id: string, token: string, body: unknown, locale = 'en') =>
  rectificationPATCH(
    new Request(`${BASE}/rectifications/${id}?locale=${locale}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

describe('the JSON API', () => {
  it('refuses bad input with field messages in the caller’s language', async () => {
    const en = await send(rectificationsPOST, 'POST', '/rectifications', adminToken, { title: '', ownerDepartmentId: 'x', dueDate: '2030-02-30' });
    expect(en.status).toBe(422);
    const { error } = (await en.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(error.code).toBe('invalid_input');
    expect(error.fields.title).toEqual(['This field is required.']);
    expect(error.fields.ownerDepartmentId).toEqual(['That choice is not valid. Please choose again.']);
    expect(error.fields.dueDate).toEqual(['Please enter a valid date and time.']);

    const zh = await send(feedbackPOST, 'POST', '/feedback', staffToken, { kind: 'praise', message: '' }, 'zh');
    expect(zh.status).toBe(422);
    const body = (await zh.json()) as { error: { fields: Record<string, string[]> } };
    expect(body.error.fields).toEqual({ kind: ['请选择一个有效的选项。'], message: ['此项为必填项。'] });
    const limit = await rectificationsGET(new Request(`${BASE}/rectifications?limit=500&locale=en`, { headers: { authorization: `Bearer ${adminToken}` } }));
    expect(limit.status).toBe(422);
  });

  it('staff send suggestions but cannot open or list items; a refused step is a 409', async () => {
    const sent = await send(feedbackPOST, 'POST', '/feedback', staffToken, { kind: 'suggestion', message: '希望增加白板笔' });
    expect(sent.status).toBe(201);
    expect(await sent.json()).toMatchObject({ kind: 'suggestion', message: '希望增加白板笔', answer: null });
    const forbidden = await send(rectificationsPOST, 'POST', '/rectifications', staffToken, { title: 't', ownerDepartmentId: tech, dueDate: '2030-03-20' });
    expect(forbidden.status).toBe(403);
    const list = await rectificationsGET(new Request(`${BASE}/rectifications`, { headers: { authorization: `Bearer ${staffToken}` } }));
    expect(list.status).toBe(403);

    const created = await send(rectificationsPOST, 'POST', '/rectifications', adminToken, { title: '白板笔补充', ownerDepartmentId: tech, dueDate: '2030-03-20' });
    const item = (await created.json()) as { id: string; status: string };
    expect(item.status).toBe('open');
    const refused = await patch(item.id, adminToken, { status: 'verified' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rectification_transition');
    const moved = await patch(item.id, adminToken, { status: 'in_progress', note: '已下单' });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({ status: 'in_progress', overdue: false });
  });

  it('the assignment mail reaches the owner department’s contact through the SMTP server', async () => {
    const created = await send(rectificationsPOST, 'POST', '/rectifications', adminToken, {
      title: 'Projector colour cast in 301',
      description: 'Replace the lamp.',
      ownerDepartmentId: tech,
      dueDate: '2030-03-21',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const before = smtp.received.length;
    const result = await deliverOutbox(db());
    expect(result.failed).toBe(0);
    const mine = smtp.received.slice(before).filter((r) => (r.mail.text ?? '').includes(`/rectifications/${id}`));
    expect(mine).toHaveLength(1);
    expect(mine[0].to).toEqual(['staff2@example.com']);
    expect(mine[0].mail.subject).toBe('Rectification item for your department: Projector colour cast in 301');
    expect(mine[0].mail.text).toContain('2030-03-21');
    expect(mine[0].mail.text).toContain('Engineering');
  });
});
