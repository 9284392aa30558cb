/**
 * Rate limits of the public channel, counted in PostgreSQL (rate-limiter-flexible's Drizzle
 * store on the `rate_limits` table), so that they hold across app instances. Counting happens
 * outside the booking transaction on purpose: a refused or failed request still counts.
 */
import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db';
import { rateLimits } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/** Requests per client address, and per e-mail address, in `duration` seconds. */
export const PUBLIC_RATE_LIMITS = {
  ip: { points: 10, duration: 10 * 60 },
  email: { points: 5, duration: 60 * 60 },
} as const;

export type RateLimitKind = keyof typeof PUBLIC_RATE_LIMITS;

// One limiter per database handle: the store client is the handle (tests open several).
const limiters = new WeakMap<Db, Record<RateLimitKind, RateLimiterDrizzle>>();

function limitersFor(db: Db): Record<RateLimitKind, RateLimiterDrizzle> {
  let found = limiters.get(db);
  if (!found) {
    const make = (kind: RateLimitKind) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: `public-${kind}`,
        ...PUBLIC_RATE_LIMITS[kind],
      });
    found = { ip: make('ip'), email: make('email') };
    limiters.set(db, found);
  }
  return found;
}

/** E-mail addresses are counted by hash: the counter table need not hold personal data. */
function keyOf(kind: RateLimitKind, value: string): string {
  return kind === 'email' ? createHash('sha256').update(value.toLowerCase()).digest('base64url') : value;
}

/** Counts one request; over the limit → `rate_limited` with the seconds to wait. */
export async function consumeRateLimit(db: Db, kind: RateLimitKind, value: string): Promise<void> {
  try {
    await limitersFor(db)[kind].consume(keyOf(kind, value));
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    throw new DomainError('rate_limited', undefined, {
      params: { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) },
    });
  }
}
