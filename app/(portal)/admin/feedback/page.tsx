/**
 * /admin/feedback — staff suggestions and complaints (policy II.2), newest first: admin answers
 * each once and may open a rectification item from one.
 */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { NewRectificationLink } from '@/components/rectifications/new-rectification-link';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listAllFeedback } from '@/lib/feedback/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { AnswerFeedbackForm } from './answer-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('feedback'))('admin.title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminFeedbackPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const query = await searchParams;
  const unanswered = [query.show].flat()[0] === 'unanswered';
  const [list, t, locale, timeZone] = await Promise.all([
    listAllFeedback(await getDb(), actor, { unanswered, page: Number([query.page].flat()[0] ?? 1) }),
    getTranslations('feedback'),
    currentLocale(),
    getTimeZone(),
  ]);
  const href = (page: number) => `/admin/feedback?${new URLSearchParams({ ...(unanswered && { show: 'unanswered' }), page: String(page) })}`;
  const tab = 'inline-flex h-10 items-center rounded-md border px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-blue-600';

  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.intro')} />
      <nav aria-label={t('admin.filterLabel')} className="mb-4 flex flex-wrap gap-2">
        {[
          { key: 'all', active: !unanswered, to: '/admin/feedback' },
          { key: 'unanswered', active: unanswered, to: '/admin/feedback?show=unanswered' },
        ].map((item) => (
          <Link
            key={item.key}
            href={item.to}
            aria-current={item.active ? 'page' : undefined}
            className={`${tab} ${item.active ? 'border-blue-700 bg-blue-50 text-blue-800' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-50'}`}
          >
            {t(`admin.${item.key}`)}
          </Link>
        ))}
      </nav>
      {list.rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t('admin.none')}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {list.rows.map(({ feedback, resource, authorName, department, rectifications }) => (
            <li key={feedback.id} id={`feedback-${feedback.id}`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="feedback">
              <div className="flex flex-wrap items-center gap-2">
                <Badge variant={feedback.kind === 'complaint' ? 'warning' : 'info'}>{t(`kind.${feedback.kind}`)}</Badge>
                {resource && (
                  <Link href={`/admin/resources/${resource.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {localizedName(resource, locale)} <span className="font-mono text-xs">{resource.code}</span>
                  </Link>
                )}
                {rectifications > 0 && <Badge variant="outline">{t('admin.items', { count: rectifications })}</Badge>}
              </div>
              <p className="whitespace-pre-line text-slate-900">{feedback.message}</p>
              <p className="text-xs text-slate-600">
                {t('admin.from', {
                  name: authorName,
                  department: department ? localizedName(department, locale) : '—',
                  at: formatDateTime(feedback.createdAt, locale, timeZone),
                })}
              </p>
              {feedback.answer ? (
                <div className="rounded-md border-l-4 border-blue-300 bg-blue-50 p-3">
                  <p className="text-xs font-medium text-slate-700">
                    {t('mine.answer', { at: feedback.answeredAt ? formatDateTime(feedback.answeredAt, locale, timeZone) : '' })}
                  </p>
                  <p className="whitespace-pre-line text-slate-900">{feedback.answer}</p>
                </div>
              ) : (
                <AnswerFeedbackForm feedbackId={feedback.id} />
              )}
              <div>
                <NewRectificationLink source={{ kind: 'suggestion', id: feedback.id }} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label={t('admin.pages')} className="mt-6" />
    </>
  );
}
