/**
 * The e-mails' own texts (messages/<locale>/email.json), compiled into the templates so that
 * they read no files and need nothing from the app.
 */
import { createTranslator } from 'next-intl';
import en from '@/messages/en/email.json';
import zh from '@/messages/zh/email.json';
import type { EmailLocale } from './locale';

const MESSAGES: Record<EmailLocale, typeof zh> = { zh, en };

/** A translator for the `email` texts, keyed by plain strings (templates build keys from their kind). */
export type EmailT = (key: string, values?: Record<string, string | number>) => string;

export function emailTranslator(locale: EmailLocale): EmailT {
  // next-intl types keys from a global messages declaration the project does not keep; the
  // template tests check that every key a template uses exists in both languages.
  return createTranslator({ locale, messages: { email: MESSAGES[locale] }, namespace: 'email' }) as unknown as EmailT;
}
