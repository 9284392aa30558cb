import { describe, expect, it } from 'vitest';
import { activeHref, navItemsFor } from '@/components/layout/nav-items';
import { landingPathFor, safeCallbackPath } from '@/lib/auth/landing';
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

  it('builds the sign-in URL with the way back', () => {
    expect(loginUrl('/')).toBe('/login');
    expect(loginUrl('/bookings/new?resourceId=a b')).toBe('/login?callbackUrl=%2Fbookings%2Fnew%3FresourceId%3Da%20b');
  });
});

describe('navigation by role', () => {
  const hrefs = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.href);

  it('gives staff the booking pages and the calendars', () => {
    expect(hrefs('staff')).toEqual(['/', '/bookings/new', '/bookings', '/calendar']);
  });

  it('adds the service desk for customer service, and the admin areas for admin', () => {
    expect(hrefs('customer_service')).toEqual(['/', '/bookings/new', '/bookings', '/calendar', '/desk']);
    expect(hrefs('admin')).toEqual([
      '/',
      '/bookings/new',
      '/bookings',
      '/calendar',
      '/desk',
      '/admin/review',
      '/admin/resources',
      '/admin/holidays',
      '/admin/settings',
      '/admin/outbox',
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
