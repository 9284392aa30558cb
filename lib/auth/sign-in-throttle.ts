/**
 * Sign-in throttling, counted in PostgreSQL (rate-limiter-flexible's Drizzle store on the
 * `rate_limits` table, as the public booking page's limits) so that every app instance shares it.
 *
 * Each attempt is counted *before* the password is checked, so parallel guesses are counted
 * too, and a refused attempt never reaches bcrypt. Three counters:
 *
 * - **account + address** (`pair`): 5 attempts, then a pause that doubles each time it is
 *   earned within a day (1, 2, 4, 8, then 15 minutes). This is the one a guesser meets, and it
 *   is keyed by their address: it never stops the real user signing in from elsewhere.
 * - **account**, from any address: 30 attempts in 10 minutes, a cap on guessing spread over
 *   many addresses. It does not apply from an address the account has signed in from before
 *   (remembered for 30 days), so a stranger cannot lock the real user out of their usual
 *   places, and elsewhere for 10 minutes at most.
 * - **address**, over every account: 30 attempts in 10 minutes (one password tried on many
 *   accounts).
 *
 * A successful sign-in clears its pair and gives back its account and address attempts, so an
 * office behind one address is not slowed down by its colleagues signing in.
 */
import { createHash } from 'node:crypto';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/db';
import { rateLimits } from '@/db/schema';
import { credentialsSchema, verifyCredentials, type AuthenticatedUser } from './credentials';

export const SIGN_IN_LIMITS = {
  pair: { points: 5, duration: 15 * 60 },
  account: { points: 30, duration: 10 * 60 },
  address: { points: 30, duration: 10 * 60 },
} as const;

/** The first pause of a pair, doubled each further time within a day, and its cap (seconds). */
export const PAIR_BACKOFF = { first: 60, max: 15 * 60, memory: 24 * 60 * 60 } as const;
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 60 * 60;

type LimiterName = keyof typeof SIGN_IN_LIMITS | 'strikes' | 'known';

const limiters = new WeakMap<Db, Record<LimiterName, RateLimiterDrizzle>>();

// One set per database handle: the store client is the handle (tests open several).
function limitersFor(db: Db): Record<LimiterName, RateLimiterDrizzle> {
  let found = limiters.get(db);
  if (!found) {
    const make = (name: LimiterName, points: number, duration: number) =>
      new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix: `signin-${name}`, points, duration });
    found = {
      pair: make('pair', SIGN_IN_LIMITS.pair.points, SIGN_IN_LIMITS.pair.duration),
      account: make('account', SIGN_IN_LIMITS.account.points, SIGN_IN_LIMITS.account.duration),
      address: make('address', SIGN_IN_LIMITS.address.points, SIGN_IN_LIMITS.address.duration),
      // How many pauses a pair has earned lately: the exponent of the back-off. Never refuses.
      strikes: make('strikes', Number.MAX_SAFE_INTEGER, PAIR_BACKOFF.memory),
      // Addresses an account has signed in from.
      known: make('known', Number.MAX_SAFE_INTEGER, KNOWN_ADDRESS_SECONDS),
    };
    limiters.set(db, found);
  }
  return found;
}

export type SignInOutcome =
  | { kind: 'ok'; user: AuthenticatedUser }
  | { kind: 'invalid' }
  /** Refused without looking at the password; may try again after this many seconds. */
  | { kind: 'throttled'; retryAfterSeconds: number };

/** The pause a pair earns the n-th time within a day. */
export function pairPauseSeconds(strike: number): number {
  return Math.min(PAIR_BACKOFF.first * 2 ** Math.max(strike - 1, 0), PAIR_BACKOFF.max);
}

/** The sign-in check behind the form and Auth.js's endpoint: throttled, then the password. */
export async function attemptSignIn(
  db: Db,
  input: { email: unknown; password: unknown; address: string },
): Promise<SignInOutcome> {
  const parsed = credentialsSchema.safeParse({ email: input.email, password: input.password });
  // Nothing is checked for malformed input, so there is nothing to count.
  if (!parsed.success) return { kind: 'invalid' };
  const limit = limitersFor(db);
  // Accounts are counted by hash: the counter table need not hold e-mail addresses.
  const account = createHash('sha256').update(parsed.data.email).digest('base64url');
  const pair = `${account}:${input.address}`;

  const pairRefusal = await consume(limit.pair, pair);
  if (pairRefusal) {
    // The attempt that just ran out starts the next, longer pause; later ones wait it out.
    if (pairRefusal.consumedPoints !== SIGN_IN_LIMITS.pair.points + 1) return throttled(pairRefusal.msBeforeNext);
    const strike = (await limit.strikes.consume(pair)).consumedPoints;
    const pause = pairPauseSeconds(strike);
    await limit.pair.block(pair, pause);
    return { kind: 'throttled', retryAfterSeconds: pause };
  }
  const knownAddress = (await limit.known.get(pair)) !== null;
  const broadRefusal = (knownAddress ? undefined : await consume(limit.account, account)) ?? (await consume(limit.address, input.address));
  if (broadRefusal) return throttled(broadRefusal.msBeforeNext);

  const user = await verifyCredentials(db, parsed.data.email, parsed.data.password);
  if (!user) return { kind: 'invalid' };
  await Promise.all([
    limit.pair.delete(pair),
    limit.known.set(pair, 1, KNOWN_ADDRESS_SECONDS),
    knownAddress ? undefined : limit.account.reward(account),
    limit.address.reward(input.address),
  ]);
  return { kind: 'ok', user };
}

/** Counts one attempt; the limiter's answer when it is over the limit, else undefined. */
async function consume(limiter: RateLimiterDrizzle, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error;
    throw error;
  }
}

function throttled(msBeforeNext: number): SignInOutcome {
  return { kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) };
}
