/**
 * The visit on the booking page: when check-in opens and closes, the check-in button, the
 * check-out form with the resource's checklist, what was recorded at check-out, and admin's
 * inspection. Shown for confirmed bookings onwards; only what `allowedVisitActions` allows.
 */
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { UserActor } from '@/lib/authz';
import type { BookingDetail } from '@/lib/booking/queries';
import { allowedVisitActions } from '@/lib/booking/visit-window';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { PolicySettings } from '@/db/schema';
import { CheckInButton, CheckOutForm, InspectForm } from './visit-forms';

const VISIT_STATUSES = ['confirmed', 'in_use', 'completed', 'no_show'];

export async function VisitSection({
  detail,
  actor,
  settings,
  locale,
  timeZone,
}: {
  detail: BookingDetail;
  actor: UserActor;
  settings: PolicySettings;
  locale: AppLocale;
  timeZone: string;
}) {
  const { booking, resource } = detail;
  if (!VISIT_STATUSES.includes(booking.status)) return null;
  const t = await getTranslations('visit');
  const now = new Date();
  const allowed = allowedVisitActions(booking, resource, settings, actor, now);
  const time = (date: Date) => formatDateTime(date, locale, timeZone);
  const labelOf = (key: string) => resource.checklist.find((item) => item.key === key)?.label[locale] ?? key;
  const rows: [string, ReactNode][] = [];
  if (booking.checkedInAt) rows.push([t('checkedInAt'), time(booking.checkedInAt)]);
  if (booking.checkedOutAt) rows.push([t('checkedOutAt'), time(booking.checkedOutAt)]);
  if (booking.checkoutCondition) rows.push([t('checkOut.condition'), t(`condition.${booking.checkoutCondition}`)]);
  if (booking.checkoutNotes) rows.push([t('checkOut.notes'), booking.checkoutNotes]);
  if (booking.inspectionResult && booking.inspectedAt) {
    rows.push([t('inspect.result'), `${t(`condition.${booking.inspectionResult}`)} · ${time(booking.inspectedAt)}`]);
    if (booking.inspectionNote) rows.push([t('inspect.notes'), booking.inspectionNote]);
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('heading')}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {booking.status === 'confirmed' && (
          <p className="text-slate-700">
            {allowed.window.noShowDeadline
              ? t('window.withNoShow', { opens: time(allowed.window.opensAt), deadline: time(allowed.window.closesAt) })
              : t('window.untilEnd', { opens: time(allowed.window.opensAt), end: time(allowed.window.closesAt) })}
          </p>
        )}
        {booking.status === 'no_show' && <Alert variant="warning">{t('noShow')}</Alert>}
        {booking.notCheckedOut && <Alert variant="warning">{t('notCheckedOut')}</Alert>}
        {rows.length > 0 && (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
            {rows.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="font-medium text-slate-600">{label}</dt>
                <dd className="break-words whitespace-pre-line text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {booking.checkoutChecklist && booking.checkoutChecklist.length > 0 && (
          <ul className="flex flex-col gap-1 text-sm" aria-label={t('checkOut.checklist')}>
            {booking.checkoutChecklist.map((answer) => (
              <li key={answer.key}>
                <span aria-hidden>{answer.done ? '✓' : '✗'} </span>
                {labelOf(answer.key)}: {answer.done ? t('done') : t('notDone')}
                {answer.note && ` · ${answer.note}`}
              </li>
            ))}
          </ul>
        )}
        {allowed.checkIn && <CheckInButton bookingId={booking.id} />}
        {allowed.checkOut && (
          <CheckOutForm bookingId={booking.id} checklist={resource.checklist.map((item) => ({ key: item.key, label: item.label[locale] }))} />
        )}
        {allowed.inspect && <InspectForm bookingId={booking.id} />}
      </CardContent>
    </Card>
  );
}
