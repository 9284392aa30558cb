import { useTranslations } from 'next-intl';

/** The first focusable element on every page: jumps past the header to `<main id="main">`. */
export function SkipLink() {
  const t = useTranslations('common');
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white px-4 py-2 font-medium text-blue-800 shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
    >
      {t('skipToContent')}
    </a>
  );
}
