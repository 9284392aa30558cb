/**
 * The base of links in e-mails: APP_URL when set; otherwise the port the server actually listens
 * on (Next.js sets PORT to it, also when it moved off a taken 3000), never a fixed :3000.
 */
import { describe, expect, it } from 'vitest';
import { absoluteUrl, appUrl, mailDomain } from '@/lib/mail/config';

const env = (vars: Record<string, string>) => ({ NODE_ENV: 'development', ...vars }) as NodeJS.ProcessEnv;

describe('APP_URL', () => {
  it('defaults to the port the development server serves on', () => {
    expect(appUrl(env({ PORT: '3001' }))).toBe('http://localhost:3001');
    expect(absoluteUrl('/r/abc', env({ PORT: '3203' }))).toBe('http://localhost:3203/r/abc');
    expect(mailDomain(env({ PORT: '3001' }))).toBe('localhost');
  });

  it('falls back to 3000 without a server port, and ignores a port that is not a number', () => {
    expect(appUrl(env({}))).toBe('http://localhost:3000');
    expect(appUrl(env({ PORT: 'abc' }))).toBe('http://localhost:3000');
  });

  it('is what APP_URL says when set, without a trailing slash', () => {
    expect(appUrl(env({ APP_URL: 'https://booking.example.com/', PORT: '3001' }))).toBe('https://booking.example.com');
    expect(absoluteUrl('m/x', env({ APP_URL: 'https://booking.example.com' }))).toBe('https://booking.example.com/m/x');
  });
});
