import { MailIcon, PhoneIcon, StarIcon } from 'lucide-react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from '@/components/ui/status-badge';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import type { CustomerBookingListItem } from '@/lib/customer/service-desk';

/**
 * A customer booking in the desk's lists: reference, status and flags, the customer and how to
 * reach them, the resource and the time. Everything the customer typed is shown as text.
 */
export function BookingSummary({
  booking,
  locale,
  timeZone,
  headingLevel = 'h3',
}: {
  booking: CustomerBookingListItem;
  locale: AppLocale;
  timeZone: string;
  headingLevel?: 'h2' | 'h3';
}) {
  const t = useTranslations('desk.booking');
  const tChannel = useTranslations('channel');
  const Heading = headingLevel;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Heading className="text-base font-semibold">
          <Link href={`/desk/bookings/${booking.id}`} className="font-mono text-blue-700 underline-offset-4 hover:underline">
            {booking.reference}
          </Link>
        </Heading>
        <StatusBadge status={booking.status} />
        {booking.priority === 'priority' && <Badge variant="danger">{t('priority')}</Badge>}
        {booking.importantCustomer && (
          <Badge variant="warning">
            <StarIcon className="size-3" aria-hidden />
            {t('important')}
          </Badge>
        )}
        {booking.specialNeeds && <Badge variant="info">{t('specialNeeds')}</Badge>}
        {!booking.holdsSlot && <Badge variant="outline">{t('noHold')}</Badge>}
        <Badge variant="outline">{tChannel(booking.channel)}</Badge>
      </div>
      <p className="font-medium text-slate-900">
        {booking.contactName}
        {booking.company && <span className="font-normal text-slate-600"> · {booking.company}</span>}
      </p>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700">
        <a href={`tel:${booking.contactPhone.replace(/[^\d+]/g, '')}`} className="inline-flex items-center gap-1 underline-offset-4 hover:underline">
          <PhoneIcon className="size-3.5 text-slate-400" aria-hidden />
          {booking.contactPhone}
        </a>
        {booking.contactEmail && (
          <a href={`mailto:${booking.contactEmail}`} className="inline-flex items-center gap-1 break-all underline-offset-4 hover:underline">
            <MailIcon className="size-3.5 text-slate-400" aria-hidden />
            {booking.contactEmail}
          </a>
        )}
      </p>
      <p className="text-slate-700">
        {localizedName({ nameZh: booking.resourceNameZh, nameEn: booking.resourceNameEn }, locale)}{' '}
        <span className="font-mono text-xs text-slate-500">{booking.resourceCode}</span>
        {' · '}
        <time dateTime={booking.startAt.toISOString()}>{formatRange(booking.startAt, booking.endAt, locale, timeZone)}</time>
        {booking.attendees !== null && <span className="text-slate-500"> · {t('visitors', { count: booking.attendees })}</span>}
      </p>
    </div>
  );
}
