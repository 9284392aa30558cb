/**
 * `POST /api/v1/public/booking-requests` under a crowd, on real PostgreSQL: 50 customers at once
 * for one slot, and 50 for partly overlapping slots — exactly one 201 each time, every other
 * answer a 409 with alternatives, never a 500. Each caller has its own address and e-mail, so
 * the rate limits stay out of the way. Also the median time of a request on the seeded data.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookings, emailOutbox } from '@/db/schema';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { customerBody, postRequest, uniqueClient, workingDaySlot } from '../helpers/public-api';
import { resourceByCode } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let roomId: string;

beforeAll(async () => {
  // The route handler opens the app's database: point it at this file's test database.
  process.env.DATABASE_URL = handle().url;
  roomId = (await resourceByCode(db(), 'MR-501')).id;
});

interface Answer {
  status: number;
  body: { reference?: string; status?: string; error?: { code: string; message: string; alternatives?: unknown[] } };
}

async function crowd(slots: { startAt: string; endAt: string }[]): Promise<Answer[]> {
  const responses = await Promise.all(
    slots.map((slot) => {
      const { ip, email } = uniqueClient();
      return postRequest(customerBody(roomId, slot, email), { ip });
    }),
  );
  return Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() })));
}

async function holdersOn(slot: { startAt: string; endAt: string }) {
  const day = new Date(slot.startAt);
  return db()
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.resourceId, roomId),
        eq(bookings.holdsSlot, true),
        inArray(bookings.status, [...HOLDING_STATUSES]),
        gte(bookings.startAt, new Date(day.getTime() - 12 * 3_600_000)),
        lt(bookings.startAt, new Date(day.getTime() + 12 * 3_600_000)),
      ),
    );
}

function expectOneWinner(answers: Answer[]) {
  expect(answers.filter((a) => a.status === 500)).toEqual([]);
  const won = answers.filter((a) => a.status === 201);
  const lost = answers.filter((a) => a.status !== 201);
  expect(won).toHaveLength(1);
  expect(won[0].body).toEqual({ reference: expect.stringMatching(/^BK-\d{4}-\d{6}$/), status: 'pending' });
  for (const answer of lost) {
    expect(answer.status).toBe(409);
    expect(answer.body.error?.code).toBe('slot_taken');
    expect(answer.body.error?.message).toBeTruthy();
    expect(answer.body.error?.alternatives?.length).toBeGreaterThan(0);
  }
  return won[0].body.reference!;
}

describe('50 concurrent public requests', () => {
  it('for the same slot: exactly one 201, 49 × 409 with alternatives', async () => {
    const slot = await workingDaySlot(db(), 6, '10:00', '11:00');
    const reference = expectOneWinner(await crowd(Array.from({ length: 50 }, () => slot)));
    const holders = await holdersOn(slot);
    expect(holders.map((b) => b.reference)).toEqual([reference]);
    // Only the winner was written, and only the winner was e-mailed (with the manage link, kept
    // in the outbox as a placeholder for its token, which is made only when the mail is sent).
    const mails = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, holders[0].id));
    expect(mails.map((m) => m.template)).toEqual(['request-received']);
    expect(JSON.stringify(mails[0].payload)).toMatch(/\/m\/\{link-token:[0-9a-f-]{36}\}/);
  });

  it('for partly overlapping slots: exactly one 201, 49 × 409 with alternatives', async () => {
    // Starts 09:00–09:55 in 5-minute steps, each an hour long: every two of them overlap.
    const slots = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const minute = String((i % 12) * 5).padStart(2, '0');
        return workingDaySlot(db(), 7, `09:${minute}`, `10:${minute}`);
      }),
    );
    const reference = expectOneWinner(await crowd(slots));
    expect((await holdersOn(slots[0])).map((b) => b.reference)).toEqual([reference]);
  });
});

describe('timing', () => {
  it('20 public requests on the seeded data, one after another (median printed)', async () => {
    // 3 requests to warm up (module loading, JIT, the connection pool), then 20 measured.
    const samples: number[] = [];
    for (let i = 0; i < 23; i++) {
      const slot = await workingDaySlot(
        db(),
        8 + Math.floor(i / 8),
        `${String(9 + (i % 8)).padStart(2, '0')}:00`,
        `${String(10 + (i % 8)).padStart(2, '0')}:00`,
      );
      const { ip, email } = uniqueClient();
      const start = performance.now();
      const response = await postRequest(customerBody(roomId, slot, email), { ip });
      if (i >= 3) samples.push(performance.now() - start);
      expect(response.status).toBe(201);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const median = (sorted[9] + sorted[10]) / 2;
    console.log(
      `[timing] POST /api/v1/public/booking-requests, PostgreSQL, n=20: median ${median.toFixed(1)} ms, max ${sorted[19].toFixed(1)} ms`,
    );
    expect(sorted).toHaveLength(20);
  });
});
