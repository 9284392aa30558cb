'use client';

/**
 * The staff bookings standing in the way of the slot a customer wants, which a priority request
 * asks admin to displace: a pick list for the priority request, and after a refused ordinary
 * request an offer to turn it into a priority request against one of them.
 */
import { ZapIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StatusBadge } from '@/components/ui/status-badge';
import type { BookingStatus } from '@/db/schema';
import type { ActionResult } from '@/lib/forms/action-result';
import { isLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';

export interface SlotBlocker {
  id: string;
  /** ISO instants. */
  startAt: string;
  endAt: string;
  status: BookingStatus;
  purpose: string;
}

export type FindBlockers = (slot: { resourceId: string; startAt: string; endAt: string }) => Promise<ActionResult<SlotBlocker[]>>;

/** The last look-up: the bookings found, or why there are none to show. */
export function useBlockers(find: FindBlockers) {
  const [blockers, setBlockers] = useState<{ list: SlotBlocker[]; error: string | null } | null>(null);
  const lookUp = async (slot: { resourceId: string; startAt: string; endAt: string }, missing: string) => {
    if (!slot.resourceId || !slot.startAt || !slot.endAt) {
      setBlockers({ list: [], error: missing });
      return;
    }
    const result = await find(slot);
    setBlockers(result.ok ? { list: result.data, error: null } : { list: [], error: result.message });
  };
  return { blockers, lookUp, clear: () => setBlockers(null) };
}

function BlockerText({ blocker, timeZone }: { blocker: SlotBlocker; timeZone: string }) {
  const t = useTranslations('desk.new.priority');
  const localeValue = useLocale();
  const when = formatRange(new Date(blocker.startAt), new Date(blocker.endAt), isLocale(localeValue) ? localeValue : 'zh', timeZone);
  return (
    <span className="flex min-w-0 flex-col gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{when}</span>
        <StatusBadge status={blocker.status} />
      </span>
      <span className="text-slate-600">{blocker.purpose ? t('purpose', { purpose: blocker.purpose }) : t('internal')}</span>
    </span>
  );
}

/** Priority mode: look the bookings up for the chosen slot and pick the one to displace. */
export function BlockerPicker({
  blockers,
  onLookUp,
  field,
  error,
  timeZone,
}: {
  blockers: { list: SlotBlocker[]; error: string | null } | null;
  onLookUp: () => void;
  field: UseFormRegisterReturn;
  error?: string;
  timeZone: string;
}) {
  const t = useTranslations('desk.new.priority');
  return (
    <section aria-labelledby="priority-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50/40 p-4">
      <div className="flex flex-col gap-1">
        <h2 id="priority-heading" className="text-lg font-semibold text-slate-900">
          {t('heading')}
        </h2>
        <p className="text-sm text-slate-700">{t('intro')}</p>
      </div>
      <Button variant="outline" className="self-start" onClick={onLookUp}>
        {t('find')}
      </Button>
      {blockers?.error && <Alert variant="warning">{blockers.error}</Alert>}
      {blockers && !blockers.error && blockers.list.length === 0 && <p className="text-sm text-slate-700">{t('none')}</p>}
      {blockers && blockers.list.length > 0 && (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium text-slate-900">{t('pick')}</legend>
          {blockers.list.map((b) => (
            <label key={b.id} className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
              <input type="radio" value={b.id} className="mt-1 size-4 accent-blue-700" {...field} />
              <BlockerText blocker={b} timeZone={timeZone} />
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p className="text-sm font-medium text-red-700" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** After an ordinary request was refused for a taken slot: displace one of the bookings instead. */
export function BlockerOffer({
  blockers,
  onDisplace,
  disabled,
  timeZone,
}: {
  blockers: SlotBlocker[];
  onDisplace: (blocker: SlotBlocker) => void;
  disabled: boolean;
  timeZone: string;
}) {
  const t = useTranslations('desk.new.priority');
  if (blockers.length === 0) return null;
  return (
    <section aria-labelledby="blockers-heading" className="flex flex-col gap-2">
      <h3 id="blockers-heading" className="text-base font-semibold text-slate-900">
        {t('blockersHeading')}
      </h3>
      <p className="text-sm text-slate-600">{t('blockersIntro')}</p>
      <ul className="flex flex-col gap-2">
        {blockers.map((b) => (
          <li
            key={b.id}
            className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm sm:flex-row sm:items-center sm:justify-between"
          >
            <BlockerText blocker={b} timeZone={timeZone} />
            <Button variant="outline" size="sm" disabled={disabled} onClick={() => onDisplace(b)}>
              <ZapIcon aria-hidden />
              {t('displaceThis')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
