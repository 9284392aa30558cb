/**
 * Messages live in messages/<locale>/<namespace>.json, one file per area of the product, so
 * that each area's strings sit together. They are read once per process and merged by
 * namespace (the file name).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTranslator } from 'next-intl';
import type { AppLocale } from './config';

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<AppLocale, Messages>();

export function loadMessages(locale: AppLocale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === 'production') return cached;
  const dir = join(process.cwd(), 'messages', locale);
  const messages: Messages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    messages[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  }
  cache.set(locale, messages);
  return messages;
}

/** A translator outside a request (e-mails, jobs). */
export function translator(locale: AppLocale, namespace?: string) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: namespace as never });
}
