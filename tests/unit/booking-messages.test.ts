/** The staff booking pages' messages: both languages complete, every booking status and event covered. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRANSITION_ACTIONS } from '@/lib/booking/state';

function read(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(process.cwd(), 'messages', locale, `${namespace}.json`), 'utf8'));
}

function keys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('booking and calendar messages', () => {
  it.each(['booking', 'calendar', 'history'])('%s has the same keys in Chinese and English', (namespace) => {
    expect(keys(read('en', namespace)).sort()).toEqual(keys(read('zh', namespace)).sort());
  });

  it('names every status change in the history', () => {
    for (const locale of ['zh', 'en']) {
      const actions = (read(locale, 'history') as { action: Record<string, string> }).action;
      for (const action of [...TRANSITION_ACTIONS, 'submitted']) expect(actions[action], `${locale}: ${action}`).toBeTruthy();
    }
  });

  it('names every other event the code records (the history never shows an event code)', () => {
    const recorded = new Set<string>();
    const root = join(process.cwd(), 'lib');
    // Rectification items keep a history of their own (lib/rectifications/events.ts: a typed union
    // of actions, each named in the rectifications messages), not the booking's.
    const bookingCode = (f: string) => f.endsWith('.ts') && !f.startsWith('rectifications/');
    for (const file of (readdirSync(root, { recursive: true }) as string[]).filter(bookingCode)) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const [, action] of source.matchAll(/\baction: '([a-z_]+)'/g)) recorded.add(action);
      for (const [, action] of source.matchAll(/noteOn\([^,]+, '([a-z_]+)'\)/g)) recorded.add(action);
    }
    expect(recorded.size).toBeGreaterThan(10);
    for (const locale of ['zh', 'en']) {
      const actions = (read(locale, 'history') as { action: Record<string, string> }).action;
      for (const action of recorded) expect(actions[action], `${locale}: ${action}`).toBeTruthy();
    }
  });
});
