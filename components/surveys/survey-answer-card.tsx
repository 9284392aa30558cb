import { useTranslations } from 'next-intl';
import { NewRectificationLink } from '@/components/rectifications/new-rectification-link';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { Survey } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

/**
 * A customer booking's follow-up survey on its detail pages (admin, the service desk): the
 * answer, with the way to turn it into a rectification item, or that it was sent and not
 * answered yet, or that none was sent.
 */
export function SurveyAnswerCard({ survey, locale, timeZone }: { survey: Survey | null; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('survey.answer');
  const when = (instant: Date) => formatDateTime(instant, locale, timeZone);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('title')}</CardTitle>
      </CardHeader>
      <CardContent className="text-sm">
        {!survey ? (
          <p className="text-slate-600">{t('notSent')}</p>
        ) : !survey.answeredAt ? (
          <p className="text-slate-600">{t('sent', { time: when(survey.sentAt), expires: when(survey.expiresAt) })}</p>
        ) : (
          <div className="flex flex-col gap-3">
            <SurveyScores survey={{ ...survey, answeredAt: survey.answeredAt }} when={when} />
            <div>
              <NewRectificationLink source={{ kind: 'survey', id: survey.id }} />
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

export interface AnsweredSurvey {
  answeredAt: Date;
  overall: number | null;
  condition: number | null;
  service: number | null;
  comment: string;
  mayContact: boolean | null;
}

/** The three scores, the comment and "may we contact you" of one answer (also the desk's list). */
export function SurveyScores({ survey, when }: { survey: AnsweredSurvey; when: (instant: Date) => string }) {
  const t = useTranslations('survey.answer');
  const scores = [
    ['overall', survey.overall],
    ['condition', survey.condition],
    ['service', survey.service],
  ] as const;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-600">
        <time dateTime={survey.answeredAt.toISOString()}>{t('answeredAt', { time: when(survey.answeredAt) })}</time>
      </p>
      <dl className="grid grid-cols-3 gap-2">
        {scores.map(([key, score]) => (
          <div key={key} className={score !== null && score <= 2 ? 'rounded-md bg-amber-50 p-2' : 'rounded-md bg-slate-50 p-2'}>
            <dt className="text-xs text-slate-600">{t(key)}</dt>
            <dd className="text-base font-semibold tabular-nums text-slate-900">{t('score', { score: score ?? 0 })}</dd>
          </div>
        ))}
      </dl>
      <div>
        <p className="text-xs text-slate-600">{t('comment')}</p>
        <p className="break-words whitespace-pre-line text-slate-900">{survey.comment || t('noComment')}</p>
      </div>
      <p className="text-slate-700">
        {t('mayContact')} <span className="font-medium text-slate-900">{survey.mayContact ? t('yes') : t('no')}</span>
      </p>
    </div>
  );
}
