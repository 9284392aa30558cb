'use client';

import { useTranslations } from 'next-intl';

/**
 * Field message keys → text in the page's language. The customer schemas give full paths
 * (`customer.validation.required`), the booking domain bare keys of the `validation` namespace
 * (`end_before_start`); anything no message file knows (zod's own text for a wrong type) gets
 * a generic "not valid" rather than leaking through untranslated.
 */
export function useFieldMessage(): (key: string | undefined) => string | undefined {
  const t = useTranslations();
  return (key) => {
    if (!key) return undefined;
    const path = key.includes('.') ? key : `validation.${key}`;
    return t.has(path) ? t(path) : t('book.form.invalidValue');
  };
}
