/**
 * `Idempotency-Key` on state-changing POSTs: a client that retries after a lost answer gets the
 * first answer again instead of a second booking. Keys belong to the calling user and live a day.
 * The first request claims the key with an insert (the primary key decides who is first when
 * several arrive at once); the others wait briefly for its answer and replay it, or get 409
 * while it is still running. The same key with another request is a 422. Answers of 5xx are not
 * kept, so a retry after a server failure runs again.
 */
import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '@/db';
import { idempotentRequests } from '@/db/schema';
import { HttpError } from './errors';

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const KEY_LIFETIME_MS = 24 * 3_600_000;
/** How long a retry waits for the first request's answer before it is told 409. */
const WAIT_MS = 10_000;
const POLL_MS = 50;
/** The headers of an answer worth replaying. */
const KEPT_HEADERS = ['content-type', 'location'];

export interface IdempotencyClaim {
  /** Stores the answer for replays (or forgets the key after a server failure). */
  finish(response: Response): Promise<Response>;
}

/** The request's key, or null when it sent none; a malformed key is a 422. */
export function idempotencyKey(req: Request): string | null {
  const key = req.headers.get('idempotency-key');
  if (key === null) return null;
  if (!KEY_SHAPE.test(key)) throw new HttpError('idempotency_key_invalid');
  return key;
}

function fingerprintOf(req: Request, json: unknown): string {
  const { pathname, search } = new URL(req.url);
  return createHash('sha256').update(`${req.method} ${pathname}${search}\n${JSON.stringify(json ?? null)}`).digest('hex');
}

/**
 * Claims `key` for this request: a claim to finish when it is the first, or the stored answer
 * (header `Idempotent-Replayed: true`) when an earlier one with the same request has finished.
 */
export async function claimIdempotencyKey(
  db: Db,
  userId: string,
  key: string,
  req: Request,
  json: unknown,
): Promise<IdempotencyClaim | Response> {
  const fingerprint = fingerprintOf(req, json);
  const mine = and(eq(idempotentRequests.userId, userId), eq(idempotentRequests.key, key));
  await db.delete(idempotentRequests).where(and(mine, lt(idempotentRequests.createdAt, new Date(Date.now() - KEY_LIFETIME_MS))));
  const claimed = await db
    .insert(idempotentRequests)
    .values({ userId, key, fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotentRequests.key });
  if (claimed.length > 0) return claimFor(db, mine);

  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const [row] = await db.select().from(idempotentRequests).where(mine);
    // Forgotten after a server failure in between: this request runs after all.
    if (!row) return claimIdempotencyKey(db, userId, key, req, json);
    if (row.fingerprint !== fingerprint) throw new HttpError('idempotency_mismatch');
    if (row.status !== null) {
      return new Response(row.body, { status: row.status, headers: { ...row.headers, 'Idempotent-Replayed': 'true' } });
    }
    if (Date.now() >= deadline) throw new HttpError('idempotency_in_flight');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function claimFor(db: Db, mine: ReturnType<typeof and>): IdempotencyClaim {
  return {
    async finish(response) {
      if (response.status >= 500) {
        await db.delete(idempotentRequests).where(mine);
        return response;
      }
      const body = await response.clone().text();
      const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => {
        const value = response.headers.get(name);
        return value === null ? [] : [[name, value]];
      }));
      await db.update(idempotentRequests).set({ status: response.status, headers, body }).where(mine);
      return response;
    },
  };
}
