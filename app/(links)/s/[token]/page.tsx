/**
 * /s/<token>: the customer's follow-up survey, from the link in the survey e-mail. Opening it
 * changes nothing (mail scanners open links); answering uses the link up. In the language the
 * customer booked in, unless they chose another.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions/locale';
import { answerSurveyByLinkAction } from '@/app/actions/survey';
import { linkPageMetadata } from '@/components/booking/link-page/booking-link-page';
import { PublicHeader } from '@/components/customer/public-header';
import { SkipLink } from '@/components/layout/skip-link';
import { SurveyForm } from '@/components/surveys/survey-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { isDomainError } from '@/lib/errors';
import { isLocale, localeTags, LOCALE_COOKIE, type AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { loadSurveyLink } from '@/lib/surveys/answer';
import { COMMENT_MAX } from '@/lib/surveys/schemas';

export async function generateMetadata(): Promise<Metadata> {
  return { ...linkPageMetadata, title: (await getTranslations('survey'))('title') };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function SurveyPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const survey = await loadSurveyLink(await getDb(), token).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'token_invalid') return null;
    throw error;
  });
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isLocale(chosen) ? chosen : survey ? survey.locale : await currentLocale();
  const t = await getTranslations({ locale, namespace: 'survey' });

  let content;
  if (!survey) {
    // After a successful answer the link is used up: thank rather than refuse.
    const thanked = [done].flat()[0] === '1';
    content = (
      <Card>
        <CardHeader>
          <CardTitle as="h1">{thanked ? t('thanks.title') : t('invalid.title')}</CardTitle>
        </CardHeader>
        <CardContent>
          <Alert variant={thanked ? 'success' : 'warning'}>{thanked ? t('thanks.body') : t('invalid.body')}</Alert>
        </CardContent>
      </Card>
    );
  } else {
    const zone = t('timeZoneNote', { zone: survey.timeZone });
    const rows: [string, string][] = [
      [t('reference'), survey.reference],
      [t('place'), `${localizedName(survey.resource, locale)} · ${localizedLocation(survey.resource, locale)}`],
      [t('time'), `${formatRange(survey.startAt, survey.endAt, locale, survey.timeZone)} ${zone}`],
    ];
    content = (
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t('title')}</CardTitle>
          <CardDescription>{t('intro')}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <section aria-labelledby="survey-about" className="rounded-md bg-slate-50 p-3 text-sm">
            <h2 id="survey-about" className="mb-2 font-medium text-slate-900">
              {t('about')}
            </h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="break-words text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-2 text-slate-600">{t('validUntil', { time: `${formatDateTime(survey.expiresAt, locale, survey.timeZone)} ${zone}` })}</p>
          </section>
          <SurveyForm
            action={answerSurveyByLinkAction}
            token={token}
            locale={locale}
            commentMax={COMMENT_MAX}
            text={{
              questions: { overall: t('questions.overall'), condition: t('questions.condition'), service: t('questions.service') },
              scale: t('scale'),
              scoreWords: Object.fromEntries(['1', '2', '3', '4', '5'].map((s) => [s, t(`scoreWords.${s as '1'}`)])),
              comment: t('comment'),
              mayContact: t('mayContact'),
              submit: t('submit'),
              sending: t('sending'),
            }}
          />
        </CardContent>
      </Card>
    );
  }

  return (
    <>
      <SkipLink />
      <PublicHeader setLocale={setLocaleAction} />
      <main id="main" tabIndex={-1} lang={localeTags[locale]} className="mx-auto flex w-full max-w-2xl flex-col gap-4 px-4 py-6 focus:outline-none sm:py-10">
        {content}
      </main>
    </>
  );
}
