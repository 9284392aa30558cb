/**
 * The ledger and report routes as another system calls them (a personal API token), through
 * the route handlers on real PostgreSQL: admin reads a resource's ledger over a period and the
 * utilisation figures; the workbook opens and holds the tables; nobody else reads them.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportGET } from '@/app/api/v1/reports/export.xlsx/route';
import { GET as utilisationGET } from '@/app/api/v1/reports/utilisation/route';
import { GET as ledgerGET } from '@/app/api/v1/resources/[id]/ledger/route';
import { bookings, resources, surveys } from '@/db/schema';
import { ledgerSchema } from '@/lib/api/report-schemas';
import { createApiToken, setApiAccess } from '@/lib/api-access/tokens';
import { at, resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
const BASE = 'http://booking.test/api/v1';
const WEEK = 'from=2030-03-04&to=2030-03-10';
let roomId: string;
const tokens: Record<'admin' | 'service' | 'staff', string> = { admin: '', service: '', staff: '' };

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  await db().update(resources).set({ opensAt: '09:00', closesAt: '17:00', workingDaysOnly: true }).where(eq(resources.code, 'MR-501'));
  roomId = (await resourceByCode(db(), 'MR-501')).id;
  for (const who of ['admin', 'service', 'staff'] as const) {
    if (who !== 'admin') await setApiAccess(db(), actors.admin, actors[who].id, true);
    tokens[who] = (await createApiToken(db(), actors[who], { name: 'reports', scopes: ['read'] })).token;
  }
  const used = await seedBooking(db(), { resourceId: roomId, ...slot('2030-03-04', '09:00', '11:00'), status: 'completed', requester: actors.staff });
  await db().update(bookings).set({ checkedInAt: at('2030-03-04', '09:00'), checkedOutAt: at('2030-03-04', '10:30'), checkoutCondition: 'ok' }).where(eq(bookings.id, used.id));
  await db().insert(surveys).values({ bookingId: used.id, tokenHash: 'reports-api', expiresAt: at('2030-03-20', '09:00'), answeredAt: at('2030-03-05', '08:00'), overall: 3, condition: 4, service: 2, comment: '空调太冷', mayContact: true });
  await seedBooking(db(), { resourceId: roomId, ...slot('2030-03-05', '09:00', '11:00'), status: 'confirmed', requester: actors.staff });
  await seedBooking(db(), { resourceId: roomId, ...slot('2030-03-06', '09:00', '11:00'), status: 'no_show', requester: actors.staff2 });
});

// Each route handler takes its own params shape; the calls here give what each expects.
type Route = (req: Request, ctx?: { params: Promise<never> }) => Promise<Response>;
const get = (route: Route, url: string, token: string, params: Record<string, string> = {}) =>
  route(new Request(`${BASE}${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params as never) });

describe('GET /api/v1/resources/{id}/ledger', () => {
  it('gives the resource, its bookings in the period with their use, and the totals', async () => {
    const res = await get(ledgerGET, `/resources/${roomId}/ledger?${WEEK}`, tokens.admin, { id: roomId });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.resource).toMatchObject({ id: roomId, code: 'MR-501', hours: { opensAt: '09:00:00', closesAt: '17:00:00' } });
    expect(body.totals).toEqual({ bookedHours: 6, usedHours: 1.5, noShows: 1, incidents: 0 });
    expect(body.bookings.map((b: { status: string }) => b.status)).toEqual(['no_show', 'confirmed', 'completed']);
    expect(body.bookings[2]).toMatchObject({
      applicant: actors.staff.name,
      department: { zh: expect.any(String), en: expect.any(String) },
      checkedInAt: at('2030-03-04', '09:00').toISOString(),
      condition: 'ok',
      inspection: null,
      incidents: [],
      survey: { id: expect.any(String), overall: 3, condition: 4, service: 2, comment: '空调太冷', answeredAt: at('2030-03-05', '08:00').toISOString() },
    });
    expect(body.bookings[0].survey).toBeNull();
    expect(body.satisfaction).toEqual({ sent: 1, responses: 1, overall: 3, condition: 4, service: 2 });
    // The answer is the shape the OpenAPI document describes.
    expect(ledgerSchema.safeParse(body).success).toBe(true);
    expect(body.nextCursor).toBeNull();
  });

  it('pages by cursor; a bad period is a 422 with a field message', async () => {
    const first = await (await get(ledgerGET, `/resources/${roomId}/ledger?${WEEK}&limit=2`, tokens.admin, { id: roomId })).json();
    expect(first.bookings).toHaveLength(2);
    const rest = await (await get(ledgerGET, `/resources/${roomId}/ledger?${WEEK}&limit=2&cursor=${first.nextCursor}`, tokens.admin, { id: roomId })).json();
    expect(rest.bookings.map((b: { status: string }) => b.status)).toEqual(['completed']);
    const bad = await get(ledgerGET, `/resources/${roomId}/ledger?from=2030-03-10&to=2030-03-04&locale=en`, tokens.admin, { id: roomId });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.to).toEqual(['The time range is not valid or is too long.']);
  });
});

describe('GET /api/v1/reports/utilisation', () => {
  it('3 bookings of 2 h in a 40 h week: 15 %', async () => {
    const res = await get(utilisationGET, `/reports/utilisation?${WEEK}&groupBy=resource&locale=en`, tokens.admin);
    expect(res.status).toBe(200);
    const { rows } = await res.json();
    expect(rows.find((r: { key: string }) => r.key === roomId)).toEqual({
      key: roomId,
      label: 'MR-501 Negotiation Room 501',
      bookedHours: 6,
      usedHours: 1.5,
      availableHours: 40,
      utilisation: 0.15,
    });
    const weeks = await (await get(utilisationGET, `/reports/utilisation?${WEEK}&groupBy=week`, tokens.admin)).json();
    expect(weeks.rows.map((r: { key: string }) => r.key)).toEqual(['2030-03-04']);
    const bad = await get(utilisationGET, `/reports/utilisation?${WEEK}&groupBy=room`, tokens.admin);
    expect(bad.status).toBe(422);
  });
});

describe('GET /api/v1/reports/export.xlsx', () => {
  it('opens as a workbook with a sheet per section, Chinese text intact', async () => {
    const res = await get(exportGET, `/reports/export.xlsx?${WEEK}&locale=zh`, tokens.admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toContain('各资源利用率');
    const sheet = workbook.getWorksheet('各资源利用率')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '资源', '预约小时', '实际使用小时', '开放小时', '利用率']);
    const row = sheet.getRows(4, sheet.rowCount - 3)!.find((r) => String(r.getCell(1).value).startsWith('MR-501'))!;
    expect([row.getCell(1).value, row.getCell(2).value, row.getCell(5).value]).toEqual(['MR-501 501 洽谈室', 6, 0.15]);
    expect(sheet.getColumn(5).numFmt).toBe('0.0%');

    const one = await get(exportGET, `/reports/export.xlsx?${WEEK}&section=heatmap`, tokens.admin);
    const single = new ExcelJS.Workbook();
    await single.xlsx.load(await one.arrayBuffer());
    expect(single.worksheets).toHaveLength(1);
  });
});

describe('who may read them', () => {
  it('admin only: customer service and staff get 403', async () => {
    for (const who of ['service', 'staff'] as const) {
      expect((await get(ledgerGET, `/resources/${roomId}/ledger?${WEEK}`, tokens[who], { id: roomId })).status, who).toBe(403);
      expect((await get(utilisationGET, `/reports/utilisation?${WEEK}&groupBy=week`, tokens[who])).status, who).toBe(403);
      expect((await get(exportGET, `/reports/export.xlsx?${WEEK}`, tokens[who])).status, who).toBe(403);
    }
  });
});
