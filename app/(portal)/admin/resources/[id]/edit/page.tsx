import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { currentLocale } from '@/lib/i18n/server';
import { editorValues } from '@/lib/resources/editor-values';
import { getResourceForEdit } from '@/lib/resources/manage';
import { typeOptions } from '@/lib/resources/type-options';
import { ResourceForm } from '../../resource-form';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resourceAdmin'))('editTitle') };
}

export default async function EditResourcePage({ params }: Props) {
  const actor = await requirePageActor('admin');
  const { id } = await params;
  const db = await getDb();
  const resource = await getResourceForEdit(db, actor, id).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const locale = await currentLocale();
  const [t, types, timeZone] = await Promise.all([getTranslations('resourceAdmin'), typeOptions(db, locale), getTimeZone()]);
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-slate-500">{resource.code}</span>
            {t('editTitle')}
          </>
        }
        description={t('editIntro')}
      />
      <ResourceForm id={resource.id} defaults={editorValues(resource)} types={types} locale={locale} timeZone={timeZone} />
    </>
  );
}
