import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

/** What a missing page says: its heading, why, and the way home. Placed inside a page's main landmark. */
export async function NotFoundMessage() {
  const t = await getTranslations('common');
  return (
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 py-10">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-700">{t('notFoundBody')}</p>
      <Button asChild variant="outline">
        <Link href="/">{t('backHome')}</Link>
      </Button>
    </div>
  );
}
