'use client';

/** One's waitlist entries, each with its state and a remove button. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { leaveWaitlistAction } from '@/app/actions/waitlist';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Badge } from '@/components/ui/badge';

export interface WaitlistRow {
  id: string;
  resourceName: string;
  resourceCode: string;
  /** Formatted in the organisation's zone by the page. */
  when: string;
  status: 'waiting' | 'notified';
}

export function WaitlistList({ entries }: { entries: WaitlistRow[] }) {
  const t = useTranslations('waitlist');
  if (entries.length === 0) return <p className="text-sm text-slate-600">{t('empty')}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {entries.map((entry) => (
        <WaitlistItem key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

function WaitlistItem({ entry }: { entry: WaitlistRow }) {
  const t = useTranslations('waitlist');
  const [state, action] = useActionState(leaveWaitlistAction, null);
  return (
    <li className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <div className="flex flex-col gap-1">
        <span className="font-medium text-slate-900">
          {entry.resourceName} <span className="font-mono text-xs text-slate-500">{entry.resourceCode}</span>
        </span>
        <span className="text-slate-700">{entry.when}</span>
        <span>
          <Badge variant={entry.status === 'notified' ? 'success' : 'outline'}>{t(`status.${entry.status}`)}</Badge>
        </span>
        <ActionStatus result={state} />
      </div>
      <form action={action}>
        <input type="hidden" name="entryId" value={entry.id} />
        <SubmitButton variant="outline" size="sm" pendingLabel={t('removing')}>
          {t('remove', { resource: entry.resourceCode })}
        </SubmitButton>
      </form>
    </li>
  );
}
