/**
 * The language of an API answer: `?locale=zh|en` when a program asks for one, else the site's
 * language switch (NEXT_LOCALE cookie, when a browser calls), else the signed-in user's saved
 * language, else the best supported match of Accept-Language, else 简体中文 — the pages' order,
 * plus the two ways a program says what it wants.
 */
import type { Actor } from '@/lib/authz';
import { defaultLocale, isLocale, LOCALE_COOKIE, type AppLocale } from '@/lib/i18n/config';

export function apiLocale(actor: Actor, headers: Headers, search?: URLSearchParams): AppLocale {
  const asked = search?.get('locale');
  if (isLocale(asked)) return asked;
  const fromCookie = cookieValue(headers.get('cookie'), LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  if (actor.kind === 'user') return actor.locale;
  return acceptedLocale(headers.get('accept-language')) ?? defaultLocale;
}

/** The supported language the client prefers most (`zh-CN`, `zh-Hans` → zh; `en-GB` → en). */
export function acceptedLocale(header: string | null): AppLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...attributes] = part.trim().split(';');
      const q = attributes.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.language).find(isLocale);
}

function cookieValue(header: string | null, name: string): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const [key, ...value] = pair.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
