'use client';

import { LanguagesIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/forms/action-result';
import { isLocale, localeTags, type AppLocale } from '@/lib/i18n/config';

/** Each language's name in itself: the button is named after the language it switches to. */
const ownNames: Record<AppLocale, string> = { zh: '中文', en: 'English' };

/**
 * Two languages, so one button: it shows the other language. A plain form posting to the
 * page's action (app/actions/locale.ts), so it works without JavaScript; the action sets the
 * cookie, saves the choice and the page comes back in the new language.
 */
export function LanguageSwitch({ action: setLocale }: { action: FormAction }) {
  const current = useLocale();
  const t = useTranslations('common');
  const [, action] = useActionState(setLocale, null);
  const target: AppLocale = isLocale(current) && current === 'en' ? 'zh' : 'en';
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={target} />
      <SubmitButton variant="ghost" size="sm" title={t('languageSwitchLabel')}>
        <LanguagesIcon aria-hidden />
        <span lang={localeTags[target]}>{ownNames[target]}</span>
      </SubmitButton>
    </form>
  );
}
