/**
 * What a request asks for and who asks: the facts the review page and the service desk show,
 * everything typed shown as text with its line breaks.
 */
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { BookingDetail } from '@/lib/booking/queries';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedLocation, localizedName } from '@/lib/i18n/localized';
import { describeStatusReason } from '@/lib/booking/status-reason';

/** A definition list whose values are shown as typed (React escapes them), line breaks kept. */
export function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_minmax(0,1fr)]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-600">{label}</dt>
          <dd className="-mt-2 break-words whitespace-pre-line text-slate-900 sm:mt-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function RequestDetails({ detail, locale, timeZone }: { detail: BookingDetail; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('review.details');
  const tChannel = useTranslations('channel');
  const tCommon = useTranslations('common');
  const tReason = useTranslations('statusReason');
  const { booking, resource, resourceType, department, requester } = detail;
  const none = <span className="text-slate-500">{tCommon('notSet')}</span>;
  const optional = (value: string | null | undefined): [ReactNode] | [] => (value && value.trim() ? [value] : []);
  const isCustomer = booking.requesterKind === 'customer';

  const rows: [string, ReactNode][] = [
    [t('requester'), `${booking.contactName} (${isCustomer ? t('kindCustomer') : t('kindStaff')})`],
    isCustomer ? [t('company'), booking.company || none] : [t('department'), department ? localizedName(department, locale) : none],
    [t('phone'), booking.contactPhone || none],
    [t('email'), booking.contactEmail || requester?.email || none],
    [t('channel'), tChannel(booking.channel)],
    [
      t('resource'),
      `${resource.code} ${localizedName(resource, locale)} · ${localizedName(resourceType, locale)}\n${localizedLocation(resource, locale)} · ${tCommon('people', { count: resource.capacity })}`,
    ],
    [t('time'), formatRange(booking.startAt, booking.endAt, locale, timeZone)],
    [t('attendees'), booking.attendees === null ? none : tCommon('people', { count: booking.attendees })],
    [t('purpose'), booking.purpose || none],
    [t('specialNeeds'), booking.specialNeeds || none],
    ...optional(booking.originalMessage).map((v): [string, ReactNode] => [t('originalMessage'), v]),
    ...optional(booking.leadTimeOverrideReason).map((v): [string, ReactNode] => [t('leadTimeOverride'), v]),
    ...optional(booking.infoRequest).map((v): [string, ReactNode] => [t('infoRequest'), v]),
    [t('submittedAt'), formatDateTime(booking.submittedAt, locale, timeZone)],
    ...optional(booking.reviewOpinion).map((v): [string, ReactNode] => [t('reviewOpinion'), v]),
    ...optional(describeStatusReason(booking.statusReason, (code) => tReason(code))).map((v): [string, ReactNode] => [t('statusReason'), v]),
    ...(booking.confirmDeadline
      ? [[t('confirmDeadline'), formatDateTime(booking.confirmDeadline, locale, timeZone)] as [string, ReactNode]]
      : []),
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <Facts rows={rows} />
      </CardContent>
    </Card>
  );
}
