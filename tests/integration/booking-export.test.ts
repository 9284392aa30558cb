/**
 * The register's exports through their route handlers as Next calls them: the XLSX read back
 * with exceljs (the filtered rows only, Chinese intact, a formula-like company escaped, times as
 * the organisation's wall clock, headers in the caller's language), the CSV's byte-order mark
 * and quoting, customer service's customer-only view, staff refused, and the JSON list paging
 * the same query by cursor.
 */
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as csvGET } from '@/app/api/v1/bookings/export.csv/route';
import { GET as xlsxGET } from '@/app/api/v1/bookings/export.xlsx/route';
import { GET as listGET } from '@/app/api/v1/bookings/route';
import { bookings, type Booking } from '@/db/schema';
import { createApiToken, setApiAccess } from '@/lib/api-access/tokens';
import type { UserActor } from '@/lib/authz';
import { resourceByCode, seedBooking, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();
const BASE = 'http://booking.test/api/v1/bookings';
const tokens = {} as Record<'admin' | 'service' | 'staff', string>;
const made: Booking[] = [];

async function tokenFor(actor: UserActor) {
  await setApiAccess(db(), actors.admin, actor.id, true);
  return (await createApiToken(db(), actor, { name: 'export', scopes: ['read'] })).token;
}

const call = (route: (req: Request) => Promise<Response>, who: keyof typeof tokens, query: string) =>
  route(new Request(`${BASE}/${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } }));

/** The showroom's 2031-06-02 bookings: the filter every export below uses. */
const DAY_FILTER = new URLSearchParams({ from: '2031-06-01T16:00:00Z', to: '2031-06-02T16:00:00Z' });

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  tokens.admin = await tokenFor(actors.admin);
  tokens.service = await tokenFor(actors.service);
  tokens.staff = await tokenFor(actors.staff);
  const showroom = await resourceByCode(db(), 'SR-101');
  DAY_FILTER.set('resourceId', showroom.id);
  made.push(
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2031-06-02', '09:00', '10:30') }),
    await seedBooking(db(), { resourceId: showroom.id, requester: actors.staff, ...slot('2031-06-02', '14:00', '15:00') }),
    // Outside the filter: another day.
    await seedBooking(db(), { resourceId: showroom.id, ...slot('2031-06-03', '09:00', '10:00') }),
  );
  await db()
    .update(bookings)
    .set({ company: '=HYPERLINK("http://evil.example","点我")', contactName: '王小明', purpose: '样品展示，含"引号"与逗号' })
    .where(eq(bookings.id, made[0].id));
});

async function readXlsx(res: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('register exports', () => {
  it('XLSX: the filtered rows, Chinese intact, formula-like text escaped, wall-clock times, headers in the language asked', async () => {
    const res = await call(xlsxGET, 'admin', `export.xlsx?locale=zh&${DAY_FILTER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
    const [header, ...rows] = await readXlsx(res);
    expect(header.slice(0, 3)).toEqual(['预约号', '状态', '编号']);
    expect(rows.map((r) => r[0]).sort()).toEqual([made[0].reference, made[1].reference].sort());
    const customer = rows.find((r) => r[0] === made[0].reference)!;
    expect(customer).toContain('王小明');
    expect(customer).toContain('样品展示，含"引号"与逗号');
    expect(customer).toContain('待审核');
    // Stays text in Excel: the leading apostrophe, and no formula cell.
    expect(customer).toContain(`'=HYPERLINK("http://evil.example","点我")`);
    expect(customer.some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell)).toBe(false);
    // 09:00 in Shanghai, written as the wall clock.
    const start = customer[5] as Date;
    expect(start.toISOString()).toBe('2031-06-02T09:00:00.000Z');

    const english = await readXlsx(await call(xlsxGET, 'admin', `export.xlsx?locale=en&${DAY_FILTER}`));
    expect(english[0].slice(0, 3)).toEqual(['Reference', 'Status', 'Code']);
  });

  it('CSV: UTF-8 with a byte-order mark, quoted fields, escaped formulas', async () => {
    const res = await call(csvGET, 'admin', `export.csv?locale=zh&${DAY_FILTER}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('预约号,状态,编号')).toBe(true);
    const customer = lines.find((l) => l.startsWith(made[0].reference))!;
    expect(customer).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(customer).toContain('"样品展示，含""引号""与逗号"');
    expect(customer).toContain('2031-06-02 09:00,2031-06-02 10:30');
  });

  it('customer service exports the customer bookings only; staff are refused', async () => {
    const rows = (await readXlsx(await call(xlsxGET, 'service', `export.xlsx?${DAY_FILTER}`))).slice(1);
    expect(rows.map((r) => r[0])).toEqual([made[0].reference]);
    const refused = await call(csvGET, 'staff', `export.csv?locale=en&${DAY_FILTER}`);
    expect(refused.status).toBe(403);
    const invalid = await call(csvGET, 'admin', 'export.csv?locale=en&status=lost');
    expect(invalid.status).toBe(422);
  });

  it('the JSON list pages the same query by cursor, and a cursor of another order is refused', async () => {
    const first = await call(listGET, 'admin', `?${DAY_FILTER}&limit=1&sort=startAt`);
    const page1 = await first.json();
    expect(page1.bookings.map((b: { reference: string }) => b.reference)).toEqual([made[0].reference]);
    const second = await (await call(listGET, 'admin', `?${DAY_FILTER}&limit=1&sort=startAt&cursor=${page1.nextCursor}`)).json();
    expect(second.bookings.map((b: { reference: string }) => b.reference)).toEqual([made[1].reference]);
    expect(second.nextCursor).toBeNull();
    const mixed = await call(listGET, 'admin', `?${DAY_FILTER}&limit=1&sort=-startAt&cursor=${page1.nextCursor}`);
    expect(mixed.status).toBe(422);
    const found = await (await call(listGET, 'service', `?q=${encodeURIComponent('王小明')}`)).json();
    expect(found.bookings.map((b: { reference: string }) => b.reference)).toEqual([made[0].reference]);
  });
});
