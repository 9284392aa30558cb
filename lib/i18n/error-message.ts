/**
 * Domain errors → messages for people, at the edges (server actions, route handlers, e-mail
 * link pages). The message text lives in messages/<locale>/errors.json, key = error code.
 */
import { createTranslator } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { ERROR_HTTP_STATUS, isDomainError, type DomainError, type ErrorCode } from '@/lib/errors';
import { defaultLocale, isLocale, type AppLocale } from './config';
import { loadMessages } from './messages';

/** The message for a domain error in a given language (usable outside a request too). */
export function domainErrorMessage(error: DomainError, locale: AppLocale): string {
  return messageIn(locale, 'errors', error.code, error.details.params);
}

type LooseTranslate = (key: string, values?: Record<string, string | number>) => string;

function messageIn(locale: AppLocale, namespace: string, key: string, values?: Record<string, string | number>): string {
  // The key is only known at run time (an error code), so the typed key checking cannot apply.
  const t = createTranslator({ locale, messages: loadMessages(locale) }) as unknown as LooseTranslate;
  return t(`${namespace}.${key}`, values ?? {});
}

export interface LocalizedError {
  code: ErrorCode | 'internal';
  status: number;
  message: string;
  fields?: Record<string, string[]>;
  alternatives?: DomainError['details']['alternatives'];
}

/**
 * Any thrown value → what the edge answers, in the current request's language. Unknown
 * errors become a generic 500 message (the details go to the server log, never to the user).
 */
export async function localizeError(error: unknown, locale?: AppLocale): Promise<LocalizedError> {
  const lang = locale ?? (await requestLocale());
  if (isDomainError(error)) {
    return {
      code: error.code,
      status: ERROR_HTTP_STATUS[error.code],
      message: domainErrorMessage(error, lang),
      ...(error.details.fields && { fields: error.details.fields }),
      ...(error.details.alternatives && { alternatives: error.details.alternatives }),
    };
  }
  console.error(error);
  return { code: 'internal', status: 500, message: messageIn(lang, 'common', 'unexpectedError') };
}

async function requestLocale(): Promise<AppLocale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    // Outside a request (a job, a script): the default language.
    return defaultLocale;
  }
}
