/**
 * Instants outside the product's window ([2000-01-01, 2100-01-01)) on the public routes, on
 * real PostgreSQL: years 0000, 0001, 9999 and 275760 are each a 422 with a field message in
 * the caller's language — never a 500 from the database refusing the date — and nothing stored.
 */
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as availabilityGET } from '@/app/api/v1/public/availability/route';
import { bookings } from '@/db/schema';
import { API, customerBody, postRequest, uniqueClient, workingDaySlot } from '../helpers/public-api';
import { resourceByCode } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let showroomId: string;
let slot: { startAt: string; endAt: string };

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  showroomId = (await resourceByCode(db(), 'SR-101')).id;
  slot = await workingDaySlot(db(), 9, '14:00', '15:00');
});

const OUT_OF_WINDOW = { en: 'Please choose a date between 2000 and 2099.', zh: '请选择 2000 年至 2099 年之间的日期。' };
const INVALID_DATE_EN = 'Please enter a valid date and time with its time zone (e.g. 2026-12-01T10:00+08:00).';

/** Each far year as the client sends it, and the message the field answers with (English). */
const FAR_YEARS: [string, string, string][] = [
  ['0000', '0000-01-01T10:00:00+08:00', OUT_OF_WINDOW.en],
  ['0001', '0001-01-01T10:00:00+08:00', OUT_OF_WINDOW.en],
  ['9999', '9999-12-31T10:00:00+08:00', OUT_OF_WINDOW.en],
  ['275760', '275760-09-13T00:00:00Z', INVALID_DATE_EN],
  ['+275760', '+275760-09-13T00:00:00.000Z', INVALID_DATE_EN],
];

async function fieldsOf(response: Response): Promise<Record<string, string[]>> {
  expect(response.status).toBe(422);
  const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
  expect(body.error.code).toBe('invalid_input');
  return body.error.fields;
}

const bookingCount = async () => (await db().select({ n: count() }).from(bookings))[0].n;

describe('POST /api/v1/public/booking-requests', () => {
  it.each(FAR_YEARS)('year %s as the start → 422 on startAt', async (_year, instant, message) => {
    const before = await bookingCount();
    const body = { ...customerBody(showroomId, slot, uniqueClient().email), startAt: instant };
    const fields = await fieldsOf(await postRequest(body, { query: '?locale=en' }));
    expect(fields.startAt).toEqual([message]);
    expect(await bookingCount()).toBe(before);
  });

  it.each(FAR_YEARS)('year %s as both ends → 422 on both', async (_year, instant, message) => {
    const body = { ...customerBody(showroomId, slot, uniqueClient().email), startAt: instant, endAt: instant };
    const fields = await fieldsOf(await postRequest(body, { query: '?locale=en' }));
    expect(fields.startAt).toEqual([message]);
    expect(fields.endAt).toContain(message);
  });

  it('answers in Chinese by default', async () => {
    const body = { ...customerBody(showroomId, slot, uniqueClient().email), startAt: '0000-01-01T10:00:00+08:00' };
    expect((await fieldsOf(await postRequest(body))).startAt).toEqual([OUT_OF_WINDOW.zh]);
  });

  it('the edges of the window: 2000-01-01 is inside (a time rule answers), 2100-01-01 is not', async () => {
    const early = { ...customerBody(showroomId, slot, uniqueClient().email), startAt: '2000-01-01T00:00:00Z' };
    const response = await postRequest(early, { query: '?locale=en' });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { fields?: Record<string, string[]> } };
    expect(error.fields?.startAt).not.toEqual([OUT_OF_WINDOW.en]);
    const late = { ...customerBody(showroomId, slot, uniqueClient().email), endAt: '2100-01-01T00:00:00Z' };
    expect((await fieldsOf(await postRequest(late, { query: '?locale=en' }))).endAt).toEqual([OUT_OF_WINDOW.en]);
  });
});

describe('GET /api/v1/public/availability', () => {
  const ask = (from: string, to: string) =>
    availabilityGET(
      new Request(
        `${API}/availability?locale=en&resourceId=${showroomId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    );

  it.each(FAR_YEARS)('year %s as `from` → 422 on from', async (_year, instant, message) => {
    expect((await fieldsOf(await ask(instant, slot.endAt))).from).toEqual([message]);
  });

  it.each(FAR_YEARS)('year %s as `to` → 422 on to', async (_year, instant, message) => {
    expect((await fieldsOf(await ask(slot.startAt, instant))).to).toContain(message);
  });

  it('a look-up inside the window still answers', async () => {
    expect((await ask(slot.startAt, slot.endAt)).status).toBe(200);
  });
});
