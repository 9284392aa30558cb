/**
 * Sign-in throttling against the real counter table (lib/auth/sign-in-throttle.ts): a guesser is
 * slowed down per account and address with a growing pause, refused attempts never reach the
 * password check, and the real user still signs in from elsewhere.
 */
import { like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { attemptSignIn, PAIR_BACKOFF, SIGN_IN_LIMITS, type SignInOutcome } from '@/lib/auth/sign-in-throttle';
import { testDriver, useTestDb } from '../helpers/db';

const { db } = useTestDb();
const PASSWORD = 'the right one';
let counter = 0;
let passwordHash: string;
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function newAccount(): Promise<string> {
  const email = `guarded${++counter}@example.com`;
  await db().insert(users).values({ email, name: `账号 ${counter}`, role: 'staff', passwordHash });
  return email;
}

const attempt = (email: string, password: string, address: string) => attemptSignIn(db(), { email, password, address });

async function wrongTimes(n: number, email: string, address: string): Promise<SignInOutcome[]> {
  const outcomes: SignInOutcome[] = [];
  for (let i = 0; i < n; i++) outcomes.push(await attempt(email, `wrong guess ${i}`, address));
  return outcomes;
}

/** Lets the current pauses and windows of the pair counters run out, as time passing would. */
async function expirePairPauses(): Promise<void> {
  await db()
    .update(rateLimits)
    .set({ expire: sql`now() - interval '1 second'` })
    .where(like(rateLimits.key, 'signin-pair:%'));
}

describe(`sign-in throttling (${testDriver})`, () => {
  it('refuses the later of twelve wrong passwords in a row without checking them, and says when to try again', async () => {
    const email = await newAccount();
    const outcomes = await wrongTimes(12, email, '203.0.113.5');
    const free = SIGN_IN_LIMITS.pair.points;
    expect(outcomes.slice(0, free).map((o) => o.kind)).toEqual(Array(free).fill('invalid'));
    expect(outcomes.slice(free).map((o) => o.kind)).toEqual(Array(12 - free).fill('throttled'));
    expect(outcomes[free]).toEqual({ kind: 'throttled', retryAfterSeconds: PAIR_BACKOFF.first });
    for (const later of outcomes.slice(free + 1)) {
      expect(later.kind === 'throttled' && later.retryAfterSeconds).toBeGreaterThan(PAIR_BACKOFF.first - 5);
      expect(later.kind === 'throttled' && later.retryAfterSeconds).toBeLessThanOrEqual(PAIR_BACKOFF.first);
    }
    // Refused without a look at the password: the right one is refused the same way.
    expect((await attempt(email, PASSWORD, '203.0.113.5')).kind).toBe('throttled');

    // The right password from another address still works.
    const elsewhere = await attempt(email, PASSWORD, '198.51.100.7');
    expect(elsewhere.kind).toBe('ok');
  });

  it('backs off: each pause earned again the same day is twice as long, up to the cap', async () => {
    const email = await newAccount();
    const address = '203.0.113.20';
    const pauses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const outcomes = await wrongTimes(SIGN_IN_LIMITS.pair.points + 1, email, address);
      const last = outcomes.at(-1)!;
      expect(last.kind).toBe('throttled');
      if (last.kind === 'throttled') pauses.push(last.retryAfterSeconds);
      await expirePairPauses();
    }
    expect(pauses).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('lets the account from an address where it signed in before, even while guesses from many addresses cap the account', async () => {
    const email = await newAccount();
    expect((await attempt(email, PASSWORD, '192.0.2.1')).kind).toBe('ok');

    // A stranger guesses from many addresses, five at a time, until the account cap is reached.
    const perAddress = SIGN_IN_LIMITS.pair.points;
    const addresses = Math.ceil(SIGN_IN_LIMITS.account.points / perAddress) + 1;
    for (let i = 0; i < addresses; i++) await wrongTimes(perAddress, email, `198.18.0.${i + 1}`);
    const fromNewPlace = await attempt(email, PASSWORD, '198.18.1.1');
    expect(fromNewPlace.kind).toBe('throttled');
    // The cap holds for the rest of its window at most.
    expect(fromNewPlace.kind === 'throttled' && fromNewPlace.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.account.duration);

    // The real user's usual address is not held up.
    expect((await attempt(email, PASSWORD, '192.0.2.1')).kind).toBe('ok');
  });

  it('caps one address trying many accounts', async () => {
    const address = '203.0.113.99';
    const outcomes: SignInOutcome['kind'][] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.address.points; i++) {
      outcomes.push((await attempt(`nobody${i}@example.com`, 'a guess', address)).kind);
    }
    expect(outcomes.slice(0, SIGN_IN_LIMITS.address.points).every((k) => k === 'invalid')).toBe(true);
    expect(outcomes.at(-1)).toBe('throttled');
    // Another address is not affected.
    expect((await attempt(await newAccount(), PASSWORD, '203.0.113.100')).kind).toBe('ok');
  });

  it('gives back a successful sign-in, so colleagues behind one address do not use up its attempts', async () => {
    const address = '203.0.113.150';
    for (let i = 0; i < SIGN_IN_LIMITS.address.points + 5; i++) {
      expect((await attempt(await newAccount(), PASSWORD, address)).kind).toBe('ok');
    }
  }, 120_000);

  it('counts nothing for malformed input', async () => {
    expect(await attempt('', '', '203.0.113.200')).toEqual({ kind: 'invalid' });
    const rows = await db().select().from(rateLimits).where(like(rateLimits.key, '%203.0.113.200%'));
    expect(rows).toHaveLength(0);
  });
});
