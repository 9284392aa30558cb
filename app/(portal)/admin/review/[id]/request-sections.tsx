/** The review page's own read-only parts: the booking a priority request displaces, the checks, conflicts, coordination. */
import { CheckIcon, XIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Facts } from '@/components/booking/request-details';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import type { BookingDetail } from '@/lib/booking/queries';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import type { Completeness } from '@/lib/booking/completeness';
import { cn } from '@/lib/utils';

type View = { locale: AppLocale; timeZone: string };

/** For a priority request: the internal booking it would displace, side by side with the request. */
export function DisplacedBooking({ detail, locale, timeZone }: { detail: BookingDetail } & View) {
  const t = useTranslations('review.displaces');
  const { booking, resource, department } = detail;
  return (
    <Card className="border-red-200">
      <CardHeader>
        <CardTitle as="h2">{t('title')}</CardTitle>
        <CardDescription>{t('intro')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Facts
          rows={[
            [
              t('reference'),
              <Link key="ref" href={`/admin/review/${booking.id}`} className="font-mono text-blue-700 underline-offset-4 hover:underline">
                {booking.reference}
              </Link>,
            ],
            [t('status'), <StatusBadge key="status" status={booking.status} />],
            [t('requester'), department ? `${booking.contactName} · ${localizedName(department, locale)}` : booking.contactName],
            [t('resource'), `${resource.code} ${localizedName(resource, locale)}`],
            [t('time'), formatRange(booking.startAt, booking.endAt, locale, timeZone)],
            [t('purpose'), booking.purpose],
          ]}
        />
      </CardContent>
    </Card>
  );
}

export function CompletenessCheck({ check }: { check: Completeness }) {
  const t = useTranslations('review.completeness');
  const done = check.required.filter((c) => c.ok).length;
  const list = (items: { key: string; ok: boolean }[], group: 'required' | 'reasonable') => (
    <ul className="flex flex-col gap-1.5">
      {items.map((item) => (
        <li key={item.key} className="flex items-start gap-2 text-sm">
          {item.ok ? (
            <CheckIcon className="mt-0.5 size-4 shrink-0 text-green-700" aria-hidden />
          ) : (
            <XIcon className="mt-0.5 size-4 shrink-0 text-red-700" aria-hidden />
          )}
          <span className={cn(!item.ok && 'font-medium text-red-800')}>
            <span className="sr-only">{item.ok ? t('ok') : t('missing')}: </span>
            {t(`${group}.${item.key}`)}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('title')}</CardTitle>
        <CardDescription>
          {check.complete ? t('complete') : t('incomplete', { done, total: check.required.length })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-slate-700">{t('requiredHeading')}</h3>
          {list(check.required, 'required')}
        </div>
        <div className="flex flex-col gap-2">
          <h3 className="text-sm font-semibold text-slate-700">{t('reasonableHeading')}</h3>
          {list(check.reasonable, 'reasonable')}
        </div>
      </CardContent>
    </Card>
  );
}

export function Conflicts({ detail, locale, timeZone }: { detail: BookingDetail } & View) {
  const t = useTranslations('review.conflicts');
  const conflicts = detail.conflicts;
  const { resource } = detail;
  const buffers = resource.setupBufferMinutes > 0 || resource.cleanupBufferMinutes > 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('title')}</CardTitle>
        <CardDescription>
          {buffers ? t('introBuffers', { setup: resource.setupBufferMinutes, cleanup: resource.cleanupBufferMinutes }) : t('intro')}
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {!detail.booking.holdsSlot && <p className="text-sm text-amber-900">{t('noHold')}</p>}
        {conflicts === undefined ? (
          <p className="text-sm text-slate-600">{t('notUnderReview')}</p>
        ) : conflicts.length === 0 ? (
          <p className="flex items-center gap-2 text-sm text-green-800">
            <CheckIcon className="size-4" aria-hidden />
            {t('none')}
          </p>
        ) : (
          <ul className="flex flex-col gap-2">
            {conflicts.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
                <Badge variant="danger">{t(c.kind)}</Badge>
                {c.kind === 'booking' && c.reference ? (
                  <Link href={`/admin/review/${c.id}`} className="font-mono underline underline-offset-4">
                    {c.reference}
                  </Link>
                ) : null}
                <span>{formatRange(c.startAt, c.endAt, locale, timeZone)}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

export function CoordinationAnswers({ detail, locale, timeZone }: { detail: BookingDetail } & View) {
  const t = useTranslations('review.coordination');
  if (detail.coordination.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {detail.coordination.map((c) => (
        <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{localizedName(c.department, locale)}</span>
            <Badge variant={c.answer === 'agree' ? 'success' : c.answer === 'concerns' ? 'danger' : 'warning'}>
              {t(`answer.${c.answer ?? 'open'}`)}
            </Badge>
            <span className="text-slate-500">{t('askedAt', { at: formatDateTime(c.createdAt, locale, timeZone) })}</span>
          </div>
          <p className="mt-2 break-words whitespace-pre-line text-slate-700">{c.message}</p>
          {c.answer && (
            <div className="mt-2 border-l-2 border-slate-300 pl-3">
              {c.comment && <p className="break-words whitespace-pre-line text-slate-900">{c.comment}</p>}
              <p className="text-xs text-slate-500">
                {t('answeredBy', {
                  name: c.answeredByName ?? '—',
                  at: c.answeredAt ? formatDateTime(c.answeredAt, locale, timeZone) : '—',
                })}
              </p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
