/** The admin pages' messages: both languages complete, and a message for every key the code can produce. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS_FIELDS } from '@/lib/admin/settings-schema';
import { REVIEW_TABS } from '@/lib/booking/review-queue';

const NAMESPACES = ['review', 'coordination', 'holidays', 'settings'];

function read(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${namespace}.json`), 'utf8'));
}

function keys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('admin messages', () => {
  it.each(NAMESPACES)('%s has the same keys in Chinese and English', (namespace) => {
    expect(keys(read('en', namespace)).sort()).toEqual(keys(read('zh', namespace)).sort());
  });

  it.each(['zh', 'en'])('%s: every settings field is labelled and explained, every tab named', (locale) => {
    const settings = keys(read(locale, 'settings'));
    for (const field of SETTINGS_FIELDS) expect(settings).toEqual(expect.arrayContaining([`fields.${field}.label`, `fields.${field}.help`]));
    const review = keys(read(locale, 'review'));
    for (const tab of REVIEW_TABS) expect(review).toEqual(expect.arrayContaining([`tabs.${tab}`, `empty.${tab}`]));
  });
});
