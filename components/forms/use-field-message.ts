'use client';

import { useTranslations } from 'next-intl';

type Values = Record<string, string | number>;

/**
 * The schemas' field message keys → text in the page's language, for checks that run in the
 * browser (the server sends its field messages already in words). A dotted key is a full
 * message path (`customer.validation.required`, `settings.errors.out_of_range`); a bare key is
 * one of the `validation` namespace (`end_before_start`). Anything no message file knows (zod's
 * own text for a wrong type) gets a generic "not valid" rather than leaking through untranslated.
 */
export function useFieldMessage(): (key: string | undefined, values?: Values) => string | undefined {
  const t = useTranslations();
  // The key is only known at run time: typed key checking cannot apply.
  const translate = t as unknown as ((key: string, values?: Values) => string) & { has: (key: string) => boolean };
  return (key, values) => {
    if (!key) return undefined;
    const path = key.includes('.') ? key : `validation.${key}`;
    return translate.has(path) ? translate(path, values) : translate('book.form.invalidValue');
  };
}
