import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { currentLocale } from '@/lib/i18n/server';
import { NEW_RESOURCE_VALUES } from '@/lib/resources/editor-values';
import { typeOptions } from '@/lib/resources/type-options';
import { ResourceForm } from '../resource-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resourceAdmin'))('newTitle') };
}

export default async function NewResourcePage() {
  await requirePageActor('admin');
  const locale = await currentLocale();
  const [t, types, timeZone] = await Promise.all([getTranslations('resourceAdmin'), typeOptions(await getDb(), locale), getTimeZone()]);
  return (
    <>
      <PageHeader title={t('newTitle')} description={t('newIntro')} />
      <ResourceForm defaults={NEW_RESOURCE_VALUES} types={types} locale={locale} timeZone={timeZone} />
    </>
  );
}
