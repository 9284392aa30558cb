/** The message files of the foundation's namespaces: both languages complete, every error code covered. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bookingStatus, bookingChannel, resourceState, userRole } from '@/db/schema';
import { ERROR_HTTP_STATUS, DomainError } from '@/lib/errors';
import { domainErrorMessage } from '@/lib/i18n/error-message';
import { SYSTEM_STATUS_REASONS } from '@/lib/booking/status-reason';

const NAMESPACES = ['common', 'nav', 'auth', 'home', 'ledger', 'errors', 'status', 'resourceState', 'channel', 'role', 'statusReason'];

function read(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${namespace}.json`), 'utf8'));
}

function keys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('foundation messages', () => {
  it.each(NAMESPACES)('%s has the same keys in Chinese and English', (namespace) => {
    expect(keys(read('en', namespace)).sort()).toEqual(keys(read('zh', namespace)).sort());
  });

  it.each([
    ['errors', Object.keys(ERROR_HTTP_STATUS)],
    ['status', bookingStatus.enumValues],
    ['resourceState', resourceState.enumValues],
    ['channel', bookingChannel.enumValues],
    ['role', userRole.enumValues],
    ['statusReason', SYSTEM_STATUS_REASONS],
  ] as const)('%s has exactly one message per value', (namespace, values) => {
    for (const locale of ['zh', 'en']) expect(Object.keys(read(locale, namespace)).sort()).toEqual([...values].sort());
  });

  it('localizes a domain error with its parameters', () => {
    const error = new DomainError('lead_time', undefined, { params: { earliest: '2026-12-01' } });
    expect(domainErrorMessage(error, 'zh')).toContain('2026-12-01');
    expect(domainErrorMessage(error, 'en')).toContain('The earliest you can book is 2026-12-01');
    expect(domainErrorMessage(new DomainError('forbidden'), 'zh')).toBe('你没有权限执行此操作。');
  });
});
