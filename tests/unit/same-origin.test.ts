/**
 * The JSON API's same-origin rule for cookie-borne, state-changing requests
 * (lib/api/same-origin.ts): Origin must be APP_URL's origin; without Origin, Sec-Fetch-Site
 * must say same-origin; with neither the request is refused.
 */
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/api/errors';
import { assertSameOrigin, isStateChanging } from '@/lib/api/same-origin';

const env = { APP_URL: 'https://booking.example.com/' } as unknown as NodeJS.ProcessEnv;
const request = (headers: Record<string, string>, url = 'https://booking.example.com/api/v1/bookings/x/confirm') =>
  new Request(url, { method: 'POST', headers });

function refusal(headers: Record<string, string>, environment = env, url?: string): string | undefined {
  try {
    assertSameOrigin(request(headers, url), environment);
    return undefined;
  } catch (error) {
    return error instanceof HttpError ? error.code : String(error);
  }
}

describe('same origin', () => {
  it("accepts the app's own origin, and a browser's same-origin fetch without Origin", () => {
    expect(refusal({ origin: 'https://booking.example.com' })).toBeUndefined();
    expect(refusal({ 'sec-fetch-site': 'same-origin' })).toBeUndefined();
  });

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a look-alike host', { origin: 'https://booking.example.com.evil.example' }],
    ['another scheme', { origin: 'http://booking.example.com' }],
    ['another port', { origin: 'https://booking.example.com:8443' }],
    ['an opaque origin (sandboxed frame, data: URL)', { origin: 'null' }],
    ['Origin wins over a same-origin Sec-Fetch-Site', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }],
    ['a sibling subdomain', { 'sec-fetch-site': 'same-site' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a navigation typed by the user', { 'sec-fetch-site': 'none' }],
    ['no Origin and no Sec-Fetch-Site', {}],
  ])('refuses %s', (_name, headers) => {
    expect(refusal(headers)).toBe('cross_origin');
  });

  it('without APP_URL (a development server) the request’s own origin counts', () => {
    const dev = {} as NodeJS.ProcessEnv;
    expect(refusal({ origin: 'http://localhost:3000' }, dev, 'http://localhost:3000/api/v1/bookings')).toBeUndefined();
    expect(refusal({ origin: 'https://evil.example' }, dev, 'http://localhost:3000/api/v1/bookings')).toBe('cross_origin');
  });

  it('applies to every method but reads', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'post'].every(isStateChanging)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isStateChanging)).toBe(false);
  });
});
