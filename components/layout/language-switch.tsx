import { LanguagesIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { setLocaleAction } from '@/app/actions/locale';
import { Button } from '@/components/ui/button';
import { isLocale, localeTags, type AppLocale } from '@/lib/i18n/config';

/** Each language's name in itself: the button is named after the language it switches to. */
const ownNames: Record<AppLocale, string> = { zh: '中文', en: 'English' };

/**
 * Two languages, so one button: it shows the other language. A plain form with a server
 * action, so it works without JavaScript; the action sets the cookie and saves the choice.
 */
export function LanguageSwitch() {
  const current = useLocale();
  const t = useTranslations('common');
  const target: AppLocale = isLocale(current) && current === 'en' ? 'zh' : 'en';
  return (
    <form action={setLocaleAction}>
      <input type="hidden" name="locale" value={target} />
      <Button type="submit" variant="ghost" size="sm" title={t('languageSwitchLabel')}>
        <LanguagesIcon aria-hidden />
        <span lang={localeTags[target]}>{ownNames[target]}</span>
      </Button>
    </form>
  );
}
