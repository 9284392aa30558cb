/**
 * /rectifications/[id] — one rectification item: what, where, who owns it until when, where it
 * came from; the steps the viewer may take (the owner department's contacts start and finish it,
 * the desk also verifies, reopens and reassigns); its history.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { RectificationStatusBadge } from '@/components/rectifications/status-badge';
import { Alert } from '@/components/ui/alert';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { sourceHref } from '@/lib/rectifications/links';
import { getRectification } from '@/lib/rectifications/queries';
import { listDepartments } from '@/lib/resources/options';
import { ReassignForm, StatusForm } from './change-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('rectifications'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RectificationPage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  // Staff without a department's items, and items of another department, are not found here.
  const found = await getRectification(db, actor, id).catch((error: unknown) => {
    if (isDomainError(error) && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  });
  const [departments, t, locale, timeZone] = await Promise.all([listDepartments(db), getTranslations('rectifications'), currentLocale(), getTimeZone()]);
  const { item, department, resource, events, overdue, nextStatuses, canReassign, surveyBookingId } = found;
  const source = item.sourceKind !== 'none' && item.sourceId ? { kind: item.sourceKind, id: item.sourceId } : null;
  const sourceLink = source && sourceHref(source, surveyBookingId);
  const statusName = (s: string | null) => (s ? t(`status.${s}`) : '');

  return (
    <>
      <PageHeader
        title={item.title}
        description={<RectificationStatusBadge status={item.status} overdue={overdue} />}
        actions={
          <Link href="/rectifications" className="text-sm text-blue-700 underline-offset-4 hover:underline">
            {t('detail.back')}
          </Link>
        }
      />
      {[query.notice].flat()[0] === 'created' && <Alert className="mb-4">{t('form.created')}</Alert>}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="text-slate-600">{t('column.department')}</dt>
              <dd>{localizedName(department, locale)}</dd>
              <dt className="text-slate-600">{t('column.due')}</dt>
              <dd className={overdue ? 'font-medium text-red-800' : undefined}>{item.dueDate}</dd>
              <dt className="text-slate-600">{t('column.resource')}</dt>
              <dd>{resource ? `${resource.code} ${localizedName(resource, locale)}` : '—'}</dd>
              <dt className="text-slate-600">{t('detail.source')}</dt>
              <dd>
                {t(`source.${item.sourceKind}`)}
                {sourceLink && (
                  <>
                    {' · '}
                    <Link href={sourceLink} className="text-blue-700 underline-offset-4 hover:underline">
                      {t('detail.sourceLink')}
                    </Link>
                  </>
                )}
              </dd>
            </dl>
            {item.description && <p className="mt-2 whitespace-pre-line text-slate-900">{item.description}</p>}
          </section>
          <section aria-labelledby="move-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="move-heading" className="mb-3 text-lg font-semibold">
              {t('detail.move')}
            </h2>
            <StatusForm id={item.id} next={nextStatuses} />
          </section>
          {canReassign && (
            <section aria-labelledby="reassign-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="reassign-heading" className="mb-3 text-lg font-semibold">
                {t('detail.reassign')}
              </h2>
              <ReassignForm
                id={item.id}
                departments={departments.map((d) => ({ id: d.id, label: localizedName(d, locale) }))}
                current={{ ownerDepartmentId: item.ownerDepartmentId, dueDate: item.dueDate }}
              />
            </section>
          )}
        </div>
        <section aria-labelledby="history-heading" className="flex flex-col gap-2">
          <h2 id="history-heading" className="text-lg font-semibold">
            {t('detail.history')}
          </h2>
          <ol className="flex flex-col gap-2 text-sm">
            {events.map((e) => (
              <li key={e.id} className="rounded-md border border-slate-200 bg-white p-3">
                <p className="font-medium text-slate-900">
                  {e.action === 'status' ? t('event.status', { from: statusName(e.fromStatus), to: statusName(e.toStatus) }) : t(`event.${e.action}`)}
                </p>
                <p className="text-xs text-slate-600">
                  {formatDateTime(e.at, locale, timeZone)} · {e.actorName || t('detail.system')}
                </p>
                {e.note && <p className="mt-1 whitespace-pre-line text-slate-800">{e.note}</p>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
