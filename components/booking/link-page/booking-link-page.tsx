/**
 * The page behind every booking e-mail link — `/r/<token>` (an approval's Confirm / Decline
 * buttons) and `/m/<token>` (a customer's page for their booking) render this one page. A GET
 * or HEAD only shows: mail scanners open links. It says where the booking stands and offers,
 * section by section, what the link may do now (lib/booking/booking-link.ts decides); a used or
 * expired link still shows the booking's current status and what the person can do instead
 * (the proxy answers those 410, an unknown link 404: lib/http/link-status.ts). Shown in the
 * language chosen with the switch, else the applicant's.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { PublicHeader } from '@/components/customer/public-header';
import { SkipLink } from '@/components/layout/skip-link';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { getDb } from '@/db';
import { loadLinkPage, type LinkPage } from '@/lib/booking/booking-link';
import { isHolding } from '@/lib/booking/state';
import { describeStatusReason } from '@/lib/booking/status-reason';
import { isLocale, localeTags, LOCALE_COOKIE, type AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { toWallClock } from '@/lib/staff-booking/wall-clock';
import { localizedLocation, localizedName, localizedNotes } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import type { FormAction } from '@/lib/forms/action-result';
import { ReportProblemForm } from '@/components/incidents/report-problem-form';
import { reportProblemText } from '@/components/incidents/report-problem-text';
import { ChangeRequestForm } from '../change-request-form';
import { CancelForm, CheckInForm, RespondForm, SupplementForm } from './link-forms';

// The token is in the URL: keep it out of search engines and out of every Referer (the proxy
// sends the same policy as a header). Under no-referrer the page's form posts carry
// `Origin: null`; proxy.ts vouches for them when the browser says they are same-origin
// (lib/http/security-headers.ts linkPageOrigin).
export const linkPageMetadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };

export interface BookingLinkPageProps {
  token: string;
  path: 'r' | 'm';
  query: { done?: string | string[]; intent?: string | string[] };
  /** `checkIn`, `requestChange`, `supplement` and `reportProblem`: on the customer's manage link only. */
  actions: {
    respond: FormAction;
    cancel: FormAction;
    setLocale: FormAction;
    checkIn?: FormAction;
    requestChange?: FormAction;
    supplement?: FormAction;
    reportProblem?: FormAction;
  };
}

type Translate = Awaited<ReturnType<typeof getTranslations<'link'>>>;

/** The outcome a button reported, shown only while the booking's status bears it out. */
const OUTCOME_STATUS = { confirmed: 'confirmed', declined: 'cancelled', cancelled: 'cancelled', checkedIn: 'in_use', supplemented: 'pending' } as const;

export async function BookingLinkPage({ token, path, query, actions }: BookingLinkPageProps) {
  const page = await loadLinkPage(await getDb(), token);
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale: AppLocale = isLocale(chosen) ? chosen : page ? page.locale : await currentLocale();
  const t = await getTranslations({ locale, namespace: 'link' });
  const tReason = await getTranslations({ locale, namespace: 'statusReason' });
  const tVisit = await getTranslations({ locale, namespace: 'visit' });

  if (!page) {
    return (
      <Shell locale={locale} setLocale={actions.setLocale}>
        <h1 className="text-xl font-semibold text-slate-900">{t('unknownTitle')}</h1>
        <Alert variant="warning">
          <p>{t('unknown.body')}</p>
          <p className="mt-2">{t('unknown.help')}</p>
        </Alert>
      </Shell>
    );
  }

  const done = [query.done].flat()[0];
  const outcome = done && done in OUTCOME_STATUS && OUTCOME_STATUS[done as keyof typeof OUTCOME_STATUS] === page.status ? done : null;
  const intent = [query.intent].flat()[0];
  const form = { token, path, locale };
  const sections: ReactNode[] = [];
  if (page.actions.confirm || page.actions.decline) {
    sections.push(
      <Section key="respond" title={t('respond.heading')} intro={t('respond.intro')}>
        <RespondForm
          action={actions.respond}
          {...form}
          intent={intent === 'confirm' || intent === 'decline' ? intent : null}
          text={{ sending: t('sending'), reason: t('respond.reason'), submit: t('respond.confirm'), decline: t('respond.decline') }}
        />
      </Section>,
    );
  }
  if (page.actions.supplement && actions.supplement) {
    sections.push(
      <Section key="supplement" title={t('supplement.heading')} intro={t('supplement.intro')}>
        <SupplementForm
          action={actions.supplement}
          {...form}
          text={{ sending: t('sending'), reason: t('supplement.message'), submit: t('supplement.submit'), hint: t('supplement.hint') }}
        />
      </Section>,
    );
  }
  if (page.actions.checkIn && actions.checkIn) {
    sections.push(
      <Section key="checkIn" title={tVisit('checkIn.submit')}>
        <CheckInForm action={actions.checkIn} {...form} text={{ sending: tVisit('sending'), submit: tVisit('checkIn.submit') }} />
      </Section>,
    );
  }
  const tc = await getTranslations({ locale, namespace: 'change' });
  const { change } = page;
  if (change?.pending) {
    const target = change.resources.find((r) => r.id === change.pending!.newResourceId);
    sections.push(
      <Section key="change-pending" title={tc('pending.heading')}>
        <Alert variant={done === 'changeRequested' ? 'success' : 'info'}>
          <p>
            {tc('pending.body', {
              time: `${formatRange(change.pending.newStartAt, change.pending.newEndAt, locale, page.timeZone)} ${t('timeZoneNote', { zone: page.timeZone })}`,
              resource: target ? localizedName(target, locale) : localizedName(page.resource, locale),
            })}
          </p>
          <p className="mt-2">{tc('pending.reason', { reason: change.pending.reason })}</p>
        </Alert>
      </Section>,
    );
  }
  if (page.actions.requestChange && actions.requestChange && change) {
    sections.push(
      <Section
        key="change"
        title={tc('request.heading')}
        intro={tc('request.intro', { hours: change.noticeHours, deadline: `${formatDateTime(change.deadline, locale, page.timeZone)} ${t('timeZoneNote', { zone: page.timeZone })}` })}
      >
        <ChangeRequestForm
          action={actions.requestChange}
          hidden={{ token, path, pageLocale: locale }}
          resources={change.resources.map((r) => ({ id: r.id, label: localizedName(r, locale) }))}
          current={{ resourceId: page.resourceId, start: toWallClock(page.startAt, page.timeZone), end: toWallClock(page.endAt, page.timeZone) }}
          locale={locale}
          timeZone={page.timeZone}
          text={{
            start: tc('form.start'),
            end: tc('form.end'),
            resource: tc('form.resource'),
            reason: tc('form.reason'),
            reasonHint: tc('form.reasonHint'),
            submit: tc('form.submit'),
            sending: tc('form.sending'),
            alternatives: tc('form.alternatives'),
          }}
        />
      </Section>,
    );
  }
  if (page.actions.reportProblem && actions.reportProblem) {
    const tr = await getTranslations({ locale, namespace: 'incidents.report' });
    sections.push(
      <Section key="report" title={tr('heading')} intro={tr('intro')} id="report-problem">
        <ReportProblemForm
          action={actions.reportProblem}
          hidden={{ token, path, pageLocale: locale }}
          text={reportProblemText(tr)}
          labelledBy="report-problem"
        />
      </Section>,
    );
  }
  if (page.actions.cancel) {
    sections.push(
      <Section key="cancel" title={t('cancel.heading')}>
        <CancelForm
          action={actions.cancel}
          {...form}
          text={{ sending: t('sending'), reason: t('cancel.reason'), submit: t('cancel.submit'), hint: t('cancel.hint') }}
        />
      </Section>,
    );
  }

  return (
    <Shell locale={locale} setLocale={actions.setLocale}>
      {outcome && <Alert variant="success" title={t(`done.${outcome as keyof typeof OUTCOME_STATUS}`)} />}
      {page.state !== 'open' && !outcome && <Alert variant="info">{t(`closed.${page.state}`)}</Alert>}
      <Summary page={page} locale={locale} t={t} reason={describeStatusReason(page.details?.statusReason, (code) => tReason(code))} />
      {sections}
      <NextSteps page={page} t={t} />
    </Shell>
  );
}

function Summary({ page, locale, t, reason }: { page: LinkPage; locale: AppLocale; t: Translate; reason: string | null }) {
  const zone = t('timeZoneNote', { zone: page.timeZone });
  const when = (instant: Date) => `${formatDateTime(instant, locale, page.timeZone)} ${zone}`;
  const { details } = page;
  const rows: [string, ReactNode][] = [
    [t('reference'), page.reference],
    [t('status'), <StatusBadge key="status" status={page.status} />],
    [t('resource'), localizedName(page.resource, locale)],
    [t('place'), localizedLocation(page.resource, locale)],
    [t('time'), `${formatRange(page.startAt, page.endAt, locale, page.timeZone)} ${zone}`],
  ];
  if (page.status === 'awaiting_confirmation' && page.confirmDeadline) rows.push([t('deadline'), when(page.confirmDeadline)]);
  if (details) {
    rows.push(
      ...(
        [
          [t('infoRequest'), details.infoRequest],
          [t('opinion'), details.reviewOpinion],
          [t('statusReason'), reason],
          [t('contact'), details.company ? `${details.contactName} · ${details.company}` : details.contactName],
          [t('visitors'), details.visitors === null ? null : String(details.visitors)],
          [t('specialNeeds'), details.specialNeeds || null],
          [t('notes'), localizedNotes(page.resource, locale) || null],
        ] as [string, string | null][]
      ).filter((row): row is [string, string] => Boolean(row[1])),
    );
  }
  return (
    <Card>
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle as="h1" className="text-xl">
            {t('title')}
          </CardTitle>
          <StatusBadge status={page.status} className="text-sm" />
        </div>
        <p className="text-slate-700">{explanation(page, t, when)}</p>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

/** One sentence on where the booking stands and what, if anything, the applicant should do. */
function explanation(page: LinkPage, t: Translate, when: (instant: Date) => string): string {
  if (page.status === 'awaiting_confirmation' && page.confirmDeadline) {
    return page.confirmDeadline.getTime() > Date.now()
      ? t('explain.awaiting_confirmation', { deadline: when(page.confirmDeadline) })
      : t('explain.deadlinePassed');
  }
  return t(`explain.${page.status}`);
}

/** Beyond this link: the portal for staff, the latest e-mail or a new booking for customers, and whom to ask. */
function NextSteps({ page, t }: { page: LinkPage; t: Translate }) {
  const live = isHolding(page.status);
  const staff = page.applicant === 'staff';
  return (
    <Section title={t('next.heading')}>
      <div className="flex flex-col gap-3 text-sm text-slate-700">
        {staff ? (
          <>
            <p>{t('next.portal')}</p>
            <Button asChild variant="outline" className="self-start">
              <Link href={`/bookings/${page.bookingId}`}>{t('next.openPortal')}</Link>
            </Button>
          </>
        ) : (
          live && !page.actions.cancel && <p>{t('next.manage')}</p>
        )}
        {!live && (
          <>
            <p>{t('next.bookAgainHint')}</p>
            <Button asChild variant="outline" className="self-start">
              <Link href={staff ? '/bookings/new' : '/book'}>{t('next.bookAgain')}</Link>
            </Button>
          </>
        )}
        <p>{t('next.contact', { email: page.serviceMailbox })}</p>
      </div>
    </Section>
  );
}

function Section({ title, intro, id, children }: { title: string; intro?: string; id?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" id={id}>
          {title}
        </CardTitle>
        {intro && <p className="text-sm text-slate-600">{intro}</p>}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Shell({ locale, setLocale, children }: { locale: AppLocale; setLocale: FormAction; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <PublicHeader setLocale={setLocale} />
      <main id="main" tabIndex={-1} lang={localeTags[locale]} className="mx-auto flex w-full max-w-2xl flex-col gap-4 px-4 py-6 focus:outline-none sm:py-10">
        {children}
      </main>
    </>
  );
}
