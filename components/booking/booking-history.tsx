import { useTranslations } from 'next-intl';
import { StatusBadge } from '@/components/ui/status-badge';
import type { BookingDetail } from '@/lib/booking/queries';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime, formatRange } from '@/lib/i18n/format';

type BookingEventRow = BookingDetail['events'][number];

/**
 * A booking's history, oldest first: what happened (and the status it moved between), when, by
 * whom and how (an e-mail link or reply), with the note and, for an approval elsewhere, the new
 * slot. The same timeline on the applicant's booking page, the review page and the desk.
 */
export function BookingHistory({ events, locale, timeZone }: { events: BookingEventRow[]; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('history');
  if (events.length === 0) return <p className="text-sm text-slate-600">{t('none')}</p>;
  return (
    <ol className="relative flex flex-col gap-4 border-l-2 border-slate-200 pl-5">
      {events.map((event) => (
        <HistoryItem key={event.id} event={event} locale={locale} timeZone={timeZone} />
      ))}
    </ol>
  );
}

function HistoryItem({ event, locale, timeZone }: { event: BookingEventRow; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('history');
  const action = t.has(`action.${event.action}`) ? t(`action.${event.action}` as 'action.submitted') : t('other');
  const via = event.data?.via;
  const who = event.actorName ?? t(`actor.${event.actorKind}`);
  const changed = event.fromStatus !== event.toStatus && event.toStatus;
  const moved = movedTo(event.data);
  return (
    <li className="relative">
      <span className="absolute top-1.5 -left-[1.6rem] size-3 rounded-full border-2 border-white bg-blue-600" aria-hidden />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <span className="font-medium text-slate-900">{action}</span>
        {changed && (
          <span className="flex items-center gap-1">
            {event.fromStatus && (
              <>
                <StatusBadge status={event.fromStatus} />
                <span aria-hidden>→</span>
                <span className="sr-only">{t('to')}</span>
              </>
            )}
            <StatusBadge status={event.toStatus!} />
          </span>
        )}
      </div>
      <p className="mt-0.5 text-xs text-slate-600">
        <time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt, locale, timeZone)}</time>
        {' · '}
        {who}
        {via === 'link' && ` · ${t('viaLink')}`}
        {via === 'email_reply' && ` · ${t('viaReply')}`}
        {via === 'door' && ` · ${t('viaDoor')}`}
      </p>
      {event.note && <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-800">{event.note}</p>}
      {moved && <p className="mt-1 text-sm text-slate-700">{t('moved', { time: formatRange(moved.start, moved.end, locale, timeZone) })}</p>}
    </li>
  );
}

/** Approved for another time: the new slot, from the event's data. */
function movedTo(data: Record<string, unknown> | null): { start: Date; end: Date } | null {
  const to = (data?.moved as { to?: { startAt?: unknown; endAt?: unknown } } | undefined)?.to;
  if (typeof to?.startAt !== 'string' || typeof to.endAt !== 'string') return null;
  const start = new Date(to.startAt);
  const end = new Date(to.endAt);
  return Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) ? null : { start, end };
}
