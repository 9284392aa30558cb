/**
 * The pages' security headers (lib/http/security-headers.ts): the policy, the token pages'
 * referrer rule, HSTS only over https, and when a null-origin link-page post is vouched for.
 */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, linkPageOrigin, newNonce, securityHeaders } from '@/lib/http/security-headers';

describe('security headers', () => {
  it('a fresh, unguessable nonce per request', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('scripts only with the nonce; nothing frames the pages; no eval in production', () => {
    const csp = contentSecurityPolicy('abc');
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(contentSecurityPolicy('abc', { dev: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy('abc', { https: true })).toContain('upgrade-insecure-requests');
  });

  it('no referrer from the token pages; HSTS only over https', () => {
    expect(securityHeaders('/r/abc', 'csp')['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('/m/abc', 'csp')['Referrer-Policy']).toBe('no-referrer');
    expect(securityHeaders('/login', 'csp')['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(securityHeaders('/login', 'csp')['X-Content-Type-Options']).toBe('nosniff');
    expect(securityHeaders('/login', 'csp')).not.toHaveProperty('Strict-Transport-Security');
    expect(securityHeaders('/login', 'csp', { https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d+/);
  });

  it("vouches for a link page's null-origin post only when the browser says it is same-origin", () => {
    const post = (path: string, headers: Record<string, string>) => new Request(`https://booking.example.com${path}`, { method: 'POST', headers });
    const app = 'https://booking.example.com';
    expect(linkPageOrigin(post('/r/tok', { origin: 'null', 'sec-fetch-site': 'same-origin' }), app)).toBe(app);
    expect(linkPageOrigin(post('/r/tok', { origin: 'null', 'sec-fetch-site': 'cross-site' }), app)).toBeUndefined();
    expect(linkPageOrigin(post('/r/tok', { origin: 'null' }), app)).toBeUndefined();
    expect(linkPageOrigin(post('/r/tok', { origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), app)).toBeUndefined();
    expect(linkPageOrigin(post('/bookings/x', { origin: 'null', 'sec-fetch-site': 'same-origin' }), app)).toBeUndefined();
  });
});
