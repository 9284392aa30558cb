/**
 * /feedback — every signed-in member of staff sends a suggestion or complaint about a resource
 * or the booking process (policy II.2) and reads what they sent, with admin's answers.
 */
import type { Metadata } from 'next';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { FeedbackForm } from '@/components/feedback/feedback-form';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listOwnFeedback } from '@/lib/feedback/queries';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listResourceChoices } from '@/lib/resources/options';
import { sendFeedbackAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('feedback'))('title') };
}

export default async function FeedbackPage() {
  const actor = await requirePageActor();
  const db = await getDb();
  const [mine, resources, t, locale, timeZone] = await Promise.all([
    listOwnFeedback(db, actor),
    listResourceChoices(db),
    getTranslations('feedback'),
    currentLocale(),
    getTimeZone(),
  ]);
  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="feedback-form-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="feedback-form-heading" className="mb-3 text-lg font-semibold">
            {t('form.heading')}
          </h2>
          <FeedbackForm action={sendFeedbackAction} resources={resources.map((r) => ({ id: r.id, label: `${r.code} ${localizedName(r, locale)}` }))} />
        </section>
        <section aria-labelledby="feedback-mine-heading" className="flex flex-col gap-3">
          <h2 id="feedback-mine-heading" className="text-lg font-semibold">
            {t('mine.heading')}
          </h2>
          {mine.length === 0 ? (
            <p className="text-sm text-slate-600">{t('mine.none')}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {mine.map(({ feedback, resource }) => (
                <li key={feedback.id} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="my-feedback">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge variant={feedback.kind === 'complaint' ? 'warning' : 'info'}>{t(`kind.${feedback.kind}`)}</Badge>
                    {resource && (
                      <span className="text-slate-700">
                        {resource.code} {localizedName(resource, locale)}
                      </span>
                    )}
                    <span className="text-xs text-slate-600">{t('mine.sentAt', { at: formatDateTime(feedback.createdAt, locale, timeZone) })}</span>
                  </div>
                  <p className="whitespace-pre-line text-slate-900">{feedback.message}</p>
                  {feedback.answer ? (
                    <div className="rounded-md border-l-4 border-blue-300 bg-blue-50 p-3">
                      <p className="text-xs font-medium text-slate-700">
                        {t('mine.answer', { at: feedback.answeredAt ? formatDateTime(feedback.answeredAt, locale, timeZone) : '' })}
                      </p>
                      <p className="whitespace-pre-line text-slate-900">{feedback.answer}</p>
                    </div>
                  ) : (
                    <Badge variant="outline">{t('mine.waiting')}</Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
