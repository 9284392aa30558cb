/**
 * Moving a booking, on the signed-in pages (the booking page, the service desk): the pending
 * change request with a way to take it back, or the form to ask for one while the notice period
 * allows — for whoever the domain lets act as the applicant. The page gives the actions.
 */
import { getTranslations } from 'next-intl/server';
import { ChangeRequestForm, WithdrawChangeForm } from '@/components/booking/change-request-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { canActAsApplicant, type UserActor } from '@/lib/authz';
import type { BookingDetail } from '@/lib/booking/queries';
import { listResources } from '@/lib/booking/queries';
import { canRequestChange, changeDeadline } from '@/lib/booking/request-change';
import { canTransition } from '@/lib/booking/state';
import type { FormAction } from '@/lib/forms/action-result';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { getSettings } from '@/lib/settings';
import { toWallClock } from '@/lib/staff-booking/wall-clock';

export interface ChangeSectionProps {
  detail: BookingDetail;
  actor: UserActor;
  locale: AppLocale;
  timeZone: string;
  actions: { request: FormAction; withdraw: FormAction };
  /** Which page the forms come back to. */
  returnTo: 'booking' | 'desk';
}

export async function ChangeSection({ detail, actor, locale, timeZone, actions, returnTo }: ChangeSectionProps) {
  const { booking, pendingChange } = detail;
  if (!canActAsApplicant(actor, booking) || !canTransition('request_change', booking.status) || !booking.holdsSlot) return null;
  const db = await getDb();
  const [t, { changeNoticeHours }, resources] = await Promise.all([getTranslations('change'), getSettings(db), listResources(db)]);
  const label = (id: string) => {
    const r = resources.find((x) => x.id === id);
    return r ? `${r.code} ${localizedName(r, locale)}` : '';
  };
  const now = new Date();
  let body;
  if (pendingChange) {
    body = (
      <>
        <Alert variant="info" title={t('pending.heading')}>
          <p>
            {t('pending.body', {
              time: formatRange(pendingChange.newStartAt, pendingChange.newEndAt, locale, timeZone),
              resource: label(pendingChange.newResourceId),
            })}
          </p>
          <p className="mt-1">{t('pending.reason', { reason: pendingChange.reason })}</p>
        </Alert>
        <WithdrawChangeForm action={actions.withdraw} hidden={{ bookingId: booking.id, returnTo }} label={t('pending.withdraw')} />
      </>
    );
  } else if (canRequestChange(booking, now, changeNoticeHours)) {
    const deadline = formatDateTime(changeDeadline(booking, changeNoticeHours), locale, timeZone);
    const targets = resources.filter(
      (r) => r.state === 'in_service' && (booking.requesterKind === 'staff' || r.customerBookable),
    );
    body = (
      <>
        <p className="text-sm text-slate-700">{t('request.intro', { hours: changeNoticeHours, deadline })}</p>
        <ChangeRequestForm
          action={actions.request}
          hidden={{ bookingId: booking.id, returnTo }}
          resources={targets.map((r) => ({ id: r.id, label: label(r.id) }))}
          current={{ resourceId: booking.resourceId, start: toWallClock(booking.startAt, timeZone), end: toWallClock(booking.endAt, timeZone) }}
          locale={locale}
          timeZone={timeZone}
          text={{
            start: t('form.start'),
            end: t('form.end'),
            resource: t('form.resource'),
            reason: t('form.reason'),
            reasonHint: t('form.reasonHint'),
            submit: t('form.submit'),
            sending: t('form.sending'),
            alternatives: t('form.alternatives'),
          }}
        />
      </>
    );
  } else {
    body = <p className="text-sm text-slate-700">{t('request.tooLate', { hours: changeNoticeHours })}</p>;
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">{t('request.heading')}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{body}</CardContent>
    </Card>
  );
}
