import { describe, expect, it } from 'vitest';
import { activeHref, navItemsFor } from '@/components/layout/nav-items';
import { authRedirect, landingPathFor, safeCallbackPath } from '@/lib/auth/landing';
import { loginUrl } from '@/lib/auth/portal-paths';
import { ConfigError } from '@/lib/config-error';
import { authSecret } from '@/lib/env';

describe('after sign-in', () => {
  it('sends admin to the admin overview, customer service to the desk and staff home', () => {
    expect(landingPathFor('admin')).toBe('/admin');
    expect(landingPathFor('staff')).toBe('/');
    expect(landingPathFor('customer_service')).toBe('/desk');
  });

  it('follows only callback paths on this site', () => {
    expect(safeCallbackPath('/admin/resources?x=1')).toBe('/admin/resources?x=1');
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'admin', '/login', '/login?x', '/api/auth/signout', undefined, ['/'], 3]) {
      expect(safeCallbackPath(bad)).toBeUndefined();
    }
  });

  // The values as the sign-in page and action receive them: the query string decoded once.
  const attacks: Record<string, string> = {
    'tab between the slashes': '/\t/evil.example',
    'CR between the slashes': '/\r/evil.example',
    'LF between the slashes': '/\n/evil.example',
    'CRLF header injection': '/admin\r\nSet-Cookie: x=1',
    'ideographic space (U+3000)': '/\u3000/evil.example',
    'no-break space': '/\u00a0/evil.example',
    'line separator': '/\u2028/evil.example',
    'zero-width no-break space': '/\ufeff/evil.example',
    'NUL': '/\u0000/evil.example',
    'plain space': '/ /evil.example',
    'backslash': '/\\evil.example',
    'backslash first': '\\/evil.example',
    'protocol-relative': '//evil.example',
    'three slashes': '///evil.example',
    'scheme': 'https://evil.example/',
    'javascript scheme': 'javascript:alert(1)',
    'data scheme': 'data:text/html,<script>alert(1)</script>',
    'relative path': 'evil.example',
    'encoded tab': '/%09/evil.example',
    'encoded CR': '/%0D/evil.example',
    'encoded LF': '/%0a/evil.example',
    'encoded U+3000': '/%E3%80%80/evil.example',
    'encoded backslash': '/%5Cevil.example',
    'encoded slash': '/%2F/evil.example',
    'encoded slashes': '/%2f%2fevil.example',
    'double-encoded tab': '/%2509/evil.example',
    'double-encoded slash': '/%252F/evil.example',
    'double-encoded backslash': '/%255Cevil.example',
    'triple-encoded slash': '/%25252F/evil.example',
    'double-encoded whole path': '%252F%252Fevil.example',
    'malformed escape': '/%E3%80/evil.example',
    'non-ASCII path': '/预订',
    'the sign-in page itself': '/login?callbackUrl=%2F%2Fevil.example',
    'far too long': `/${'a'.repeat(5000)}`,
  };

  it.each(Object.entries(attacks))('refuses a callback with %s', (_name, value) => {
    expect(safeCallbackPath(value)).toBeUndefined();
  });

  it('keeps plain paths with their query and fragment', () => {
    for (const good of ['/', '/bookings/new?resourceId=3f2a&date=2026-12-01', '/bookings?q=a%20b', '/admin/review#queue', '/calendar?view=week&x=%2F']) {
      expect(safeCallbackPath(good)).toBe(good);
    }
  });

  it("answers Auth.js's redirect callback with a path on this origin, else home", () => {
    const baseUrl = 'https://booking.example.com';
    expect(authRedirect({ url: '/bookings?x=1', baseUrl })).toBe('https://booking.example.com/bookings?x=1');
    expect(authRedirect({ url: 'https://booking.example.com/admin', baseUrl })).toBe('https://booking.example.com/admin');
    for (const value of [...Object.values(attacks), 'https://evil.example/admin', 'https://booking.example.com.evil.example/', 'not a url']) {
      expect(authRedirect({ url: value, baseUrl })).toBe('https://booking.example.com/');
    }
  });

  it('builds the sign-in URL with the way back', () => {
    expect(loginUrl('/')).toBe('/login');
    expect(loginUrl('/bookings/new?resourceId=a b')).toBe('/login?callbackUrl=%2Fbookings%2Fnew%3FresourceId%3Da%20b');
  });
});

describe('navigation by role', () => {
  const hrefs = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.href);

  it('gives staff the booking pages and the calendars', () => {
    expect(hrefs('staff')).toEqual(['/', '/bookings/new', '/bookings', '/calendar', '/feedback', '/account']);
    // A department contact also follows its department's rectification items.
    expect(navItemsFor('staff', { isDepartmentContact: true }).map((i) => i.href)).toEqual([
      '/',
      '/bookings/new',
      '/bookings',
      '/calendar',
      '/coordination',
      '/rectifications',
      '/feedback',
      '/account',
    ]);
  });

  it('adds the service desk and the register for customer service, and the admin areas for admin', () => {
    expect(hrefs('customer_service')).toEqual(['/', '/bookings/new', '/bookings', '/calendar', '/desk', '/admin/bookings', '/rectifications', '/feedback', '/account']);
    expect(hrefs('admin')).toEqual([
      '/',
      '/bookings/new',
      '/bookings',
      '/calendar',
      '/desk',
      '/admin/bookings',
      '/rectifications',
      '/admin/review',
      '/admin/resources',
      '/admin/people',
      '/admin/incidents',
      '/admin/feedback',
      '/admin/inspections',
      '/admin/reports',
      '/admin/holidays',
      '/admin/settings',
      '/admin/outbox',
      '/admin/audit',
      '/admin/channels',
      '/feedback',
      '/account',
    ]);
  });

  it('marks the most specific entry as current', () => {
    const items = navItemsFor('admin');
    expect(activeHref(items, '/')).toBe('/');
    expect(activeHref(items, '/bookings/new')).toBe('/bookings/new');
    expect(activeHref(items, '/bookings/123')).toBe('/bookings');
    expect(activeHref(items, '/admin/resources/abc')).toBe('/admin/resources');
    expect(activeHref(items, '/admin')).toBeUndefined();
  });
});

describe('the session signing secret', () => {
  it('uses AUTH_SECRET when set', () => {
    expect(authSecret({ NODE_ENV: 'production', AUTH_SECRET: ' s3cret ' })).toBe('s3cret');
  });

  it('stops production start-up without AUTH_SECRET, saying how to make one', () => {
    expect(() => authSecret({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => authSecret({ NODE_ENV: 'production', AUTH_SECRET: '  ' })).toThrow(/AUTH_SECRET is not set: generate one with `openssl rand -base64 32`/);
  });
});
