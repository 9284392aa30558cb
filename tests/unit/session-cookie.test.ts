import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { decodeSessionCookie } from '@/lib/auth/session-cookie';

const SECRET = 'a-test-secret-of-reasonable-length-0123456789';
const PLAIN = 'authjs.session-token';
const SECURE = '__Secure-authjs.session-token';
const claims = { sub: '6d1f5d38-5c55-4b1e-9a56-2a7b6c1d9e01', sv: 3, locale: 'en' as const };

/** A cookie as Auth.js sets it: the token encrypted with the cookie's name as the salt. */
async function cookie(name: string, options: { secret?: string; salt?: string; maxAge?: number } = {}) {
  const token = await encode({ token: claims, secret: options.secret ?? SECRET, salt: options.salt ?? name, maxAge: options.maxAge });
  return `NEXT_LOCALE=zh; ${name}=${token}; other=1`;
}

describe('the session cookie, read without Auth.js', () => {
  it('reads the claims of a cookie Auth.js made, under either name', async () => {
    expect(await decodeSessionCookie(await cookie(PLAIN), SECRET)).toMatchObject(claims);
    expect(await decodeSessionCookie(await cookie(SECURE), SECRET)).toMatchObject(claims);
  });

  it('finds no session without the cookie', async () => {
    expect(await decodeSessionCookie(null, SECRET)).toBeNull();
    expect(await decodeSessionCookie('NEXT_LOCALE=zh', SECRET)).toBeNull();
  });

  it('refuses a token made with another secret, for the other cookie name, expired or altered', async () => {
    expect(await decodeSessionCookie(await cookie(PLAIN, { secret: 'another-secret-of-reasonable-length-987654' }), SECRET)).toBeNull();
    expect(await decodeSessionCookie(await cookie(PLAIN, { salt: SECURE }), SECRET)).toBeNull();
    expect(await decodeSessionCookie(await cookie(PLAIN, { maxAge: -60 }), SECRET)).toBeNull();
    const good = await cookie(PLAIN);
    const altered = good.replace(/(authjs\.session-token=[^.]*\.[^.]*\.)(.)/, (_, head: string, c: string) => head + (c === 'A' ? 'B' : 'A'));
    expect(altered).not.toBe(good);
    expect(await decodeSessionCookie(altered, SECRET)).toBeNull();
  });
});
