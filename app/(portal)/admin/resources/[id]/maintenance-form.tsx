'use client';

/** Adds a maintenance window to a resource, or edits `editing`; the answer lists the bookings inside. */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import type { AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { endMaintenanceAction, saveMaintenanceAction } from './maintenance-actions';

export interface WindowValues {
  id: string;
  /** Wall-clock "YYYY-MM-DDTHH:MM" in the organisation's zone. */
  startAt: string;
  endAt: string;
  reason: string;
}

export function MaintenanceForm({
  resourceId,
  editing,
  locale,
  timeZone,
}: {
  resourceId: string;
  editing?: WindowValues;
  locale: AppLocale;
  timeZone: string;
}) {
  const t = useTranslations('maintenance');
  const [state, action] = useActionState(saveMaintenanceAction, null);
  const value = (name: 'startAt' | 'endAt' | 'reason') => typedValue(state, name) ?? editing?.[name] ?? '';
  const affected = state?.ok ? state.data.affectedBookings : [];
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="resourceId" value={resourceId} />
      {editing && <input type="hidden" name="windowId" value={editing.id} />}
      <ActionStatus result={state} />
      {affected.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm">
          {affected.map((b) => (
            <li key={b.id}>
              <Link href={`/admin/review/${b.id}`} className="font-mono font-medium text-blue-700 underline-offset-4 hover:underline">
                {b.reference}
              </Link>{' '}
              {formatRange(new Date(b.startAt), new Date(b.endAt), locale, timeZone)}
            </li>
          ))}
        </ul>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t('startAt')} required error={fieldError(state, 'startAt')}>
          <Input name="startAt" type="datetime-local" required defaultValue={value('startAt')} />
        </FormField>
        <FormField label={t('endAt')} required error={fieldError(state, 'endAt')}>
          <Input name="endAt" type="datetime-local" required defaultValue={value('endAt')} />
        </FormField>
        <FormField label={t('reason')} required error={fieldError(state, 'reason')} className="sm:col-span-2">
          <Input name="reason" required maxLength={500} defaultValue={value('reason')} />
        </FormField>
      </div>
      <SubmitButton className="self-start">{editing ? t('save') : t('add')}</SubmitButton>
    </form>
  );
}

export function EndMaintenanceButton({ resourceId, windowId }: { resourceId: string; windowId: string }) {
  const t = useTranslations('maintenance');
  const [state, action] = useActionState(endMaintenanceAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="windowId" value={windowId} />
      <ActionStatus result={state} />
      <SubmitButton variant="outline" size="sm" className="self-start">
        {t('end')}
      </SubmitButton>
    </form>
  );
}
