/**
 * Rate limits of the public channel, counted in PostgreSQL on the `rate_limits` table (the rows
 * of rate-limiter-flexible's Drizzle store, which the sign-in throttle uses: same keys, same
 * fixed windows), so that they hold across app instances. Counting happens outside the booking's
 * statement on purpose: a refused or failed request still counts.
 *
 * A request is counted against its client address and, once its input has been read, against the
 * e-mail address it names — both in ONE statement (one round trip, one commit), the e-mail only
 * while the address is within its limit, as when they were counted one after the other. Expired
 * rows are purged by the store's hourly clean-up, which deletes every expired row of the table
 * and runs in each app process once someone has signed in there (lib/auth/sign-in-throttle.ts).
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { queryRows } from '@/db/rows';
import { rateLimits } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/** Requests per client address, and per e-mail address, in `duration` seconds. */
export const PUBLIC_RATE_LIMITS = {
  ip: { points: 10, duration: 10 * 60 },
  email: { points: 5, duration: 60 * 60 },
} as const;

export type RateLimitKind = keyof typeof PUBLIC_RATE_LIMITS;

/** The store's key: `public-<kind>:<value>`; e-mail addresses by hash, so the table holds no personal data. */
function keyOf(kind: RateLimitKind, value: string): string {
  return `public-${kind}:${kind === 'email' ? createHash('sha256').update(value.toLowerCase()).digest('base64url') : value}`;
}

/**
 * Counts one request of `ip` and, when given, of `email`; over a limit → `rate_limited` with the
 * seconds to wait (the address's limit first).
 */
export async function consumeRateLimits(db: Db, ip: string, email?: string): Promise<void> {
  const now = new Date();
  const expires = (kind: RateLimitKind) => new Date(now.getTime() + PUBLIC_RATE_LIMITS[kind].duration * 1000).toISOString();
  // A window that has run out starts again at this request.
  const counted = sql`on conflict (key) do update set
           points = case when r.expire <= ${now.toISOString()}::timestamptz then 1 else r.points + 1 end,
           expire = case when r.expire <= ${now.toISOString()}::timestamptz then excluded.expire else r.expire end
         returning points, (extract(epoch from expire) * 1000)::float8 as expire_ms`;
  const [row] = await queryRows<{ ip_points: number; ip_expire_ms: number; email_points: number | null; email_expire_ms: number | null }>(
    db,
    sql`with ip as (
          insert into ${rateLimits} as r (key, points, expire) values (${keyOf('ip', ip)}, 1, ${expires('ip')}::timestamptz)
          ${counted}
        ), email as (
          insert into ${rateLimits} as r (key, points, expire)
          select ${email === undefined ? null : keyOf('email', email)}::text, 1, ${expires('email')}::timestamptz
            from ip where ${email !== undefined} and ip.points <= ${PUBLIC_RATE_LIMITS.ip.points}
          ${counted}
        )
        select ip.points as ip_points, ip.expire_ms as ip_expire_ms, email.points as email_points, email.expire_ms as email_expire_ms
          from ip left join email on true`,
  );
  const refuse = (expireMs: number) => {
    throw new DomainError('rate_limited', undefined, {
      params: { retryAfterSeconds: Math.max(1, Math.ceil((Number(expireMs) - Date.now()) / 1000)) },
    });
  };
  if (row.ip_points > PUBLIC_RATE_LIMITS.ip.points) refuse(row.ip_expire_ms);
  if (row.email_points !== null && row.email_points > PUBLIC_RATE_LIMITS.email.points) refuse(row.email_expire_ms!);
}

/**
 * Reads a public request's input between the two counts: the address is counted whatever the
 * input (a malformed or refused request uses up its allowance too), the e-mail only once read.
 */
export async function countedInput<T extends { email: string }>(db: Db, ip: string, read: () => T): Promise<T> {
  let input: T;
  try {
    input = read();
  } catch (error) {
    await consumeRateLimits(db, ip);
    throw error;
  }
  await consumeRateLimits(db, ip, input.email);
  return input;
}
