import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/components/ui/button';

export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    // Not a <main>: inside the portal this renders within the layout's own <main>.
    <div className="mx-auto flex max-w-xl flex-col items-start gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">{t('notFoundTitle')}</h1>
      <p className="text-slate-700">{t('notFoundBody')}</p>
      <Button asChild variant="outline">
        <Link href="/">{t('backHome')}</Link>
      </Button>
    </div>
  );
}
