/**
 * /rectifications/new[?sourceKind=&sourceId=] — admin or customer service opens a rectification
 * item, directly or from a source whose text and resource it starts from
 * (lib/rectifications/links.ts `newRectificationHref`).
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { CreateRectificationForm } from '@/components/rectifications/create-rectification-form';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { rectificationPrefill } from '@/lib/rectifications/queries';
import { rectificationSourceSchema } from '@/lib/rectifications/schemas';
import { listDepartments, listResourceChoices } from '@/lib/resources/options';
import { createRectificationAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rectifications'))('form.heading') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewRectificationPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin', 'customer_service');
  const query = await searchParams;
  const parsed = rectificationSourceSchema.safeParse({ kind: [query.sourceKind].flat()[0], id: [query.sourceId].flat()[0] });
  const db = await getDb();
  const source = parsed.success ? parsed.data : undefined;
  const locale = await currentLocale();
  const [prefill, departments, resources, t] = await Promise.all([
    source ? rectificationPrefill(db, actor, source, locale) : null,
    listDepartments(db),
    listResourceChoices(db),
    getTranslations('rectifications'),
  ]);
  return (
    <>
      <PageHeader
        title={t('form.heading')}
        description={
          <>
            {t('form.intro')} {source && prefill && <span className="font-medium">{t(`source.${source.kind}`)}</span>}
          </>
        }
        actions={
          <Link href="/rectifications" className="text-sm text-blue-700 underline-offset-4 hover:underline">
            {t('detail.back')}
          </Link>
        }
      />
      <div className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4">
        <CreateRectificationForm
          action={createRectificationAction}
          departments={departments.map((d) => ({ id: d.id, label: localizedName(d, locale) }))}
          resources={resources.map((r) => ({ id: r.id, label: `${r.code} ${localizedName(r, locale)}` }))}
          source={prefill ? source : undefined}
          defaults={prefill ?? undefined}
        />
      </div>
    </>
  );
}
