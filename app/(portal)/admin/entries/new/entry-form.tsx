'use client';

import { useTranslations } from 'next-intl';
import { startTransition, useActionState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { cn } from '@/lib/utils';
import { createEntryAction, type EntryState } from './actions';

type Option = { id: string; label: string };

const CHANNELS = ['paper', 'phone', 'email'] as const;

/** The paper/phone/e-mail entry form; the action redirects to the new request on success. */
export function EntryForm({ staff, resources }: { staff: Option[]; resources: Option[] }) {
  const t = useTranslations('entries');
  const tChannel = useTranslations('channel');
  const tValidation = useTranslations('validation');
  const [state, action, pending] = useActionState<EntryState, FormData>(createEntryAction, null);
  const values = state?.values;
  const error = (...names: string[]): string | undefined => {
    const key = names.map((name) => state?.fields?.[name]?.[0]).find(Boolean);
    if (!key) return undefined;
    return tValidation.has(key) ? tValidation(key) : key;
  };
  const selectClasses = cn(fieldClasses, 'h-10 py-2');
  // Submitted by hand so React does not reset the form after the action: a reset would clear
  // the selects (their typed-in choice is not their default), and nothing typed should be lost.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };

  return (
    <form action={action} onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {state && (
        <Alert variant="error">
          <p>{state.error ?? t('checkFields')}</p>
          {state.code === 'lead_time' && !values?.leadTimeOverrideReason.trim() && <p className="mt-1">{t('leadTimeHint')}</p>}
          {state.alternatives && (
            <div className="mt-2">
              <p>{t('alternatives')}</p>
              <ul className="mt-1 list-disc pl-5">
                {state.alternatives.map((alt) => (
                  <li key={alt}>{alt}</li>
                ))}
              </ul>
            </div>
          )}
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('staff')} required error={error('onBehalfOfUserId', 'departmentId')}>
          <select name="onBehalfOfUserId" required defaultValue={values?.onBehalfOfUserId ?? ''} className={selectClasses}>
            <option value="">{t('choose')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('channel')} required error={error('channel')}>
          <select name="channel" required defaultValue={values?.channel ?? 'paper'} className={selectClasses}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tChannel(c)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      <FormField label={t('resource')} required error={error('resourceId')}>
        <select name="resourceId" required defaultValue={values?.resourceId ?? ''} className={selectClasses}>
          <option value="">{t('choose')}</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </FormField>

      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={t('date')} required error={error('date')}>
          <Input name="date" type="date" required defaultValue={values?.date} />
        </FormField>
        <FormField label={t('start')} required error={error('startTime', 'startAt')}>
          <Input name="startTime" type="time" step={900} required defaultValue={values?.startTime} />
        </FormField>
        <FormField label={t('end')} required error={error('endTime', 'endAt')}>
          <Input name="endTime" type="time" step={900} required defaultValue={values?.endTime} />
        </FormField>
      </div>
      <p className="-mt-2 text-sm text-slate-600">{t('timeZoneHint')}</p>

      <FormField label={t('purpose')} required error={error('purpose')}>
        <Textarea name="purpose" rows={2} maxLength={500} required defaultValue={values?.purpose} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('attendees')} error={error('attendees')}>
          <Input name="attendees" type="number" min={1} max={1000} inputMode="numeric" defaultValue={values?.attendees} />
        </FormField>
        <FormField label={t('phone')} required error={error('phone')}>
          <Input name="phone" type="tel" maxLength={40} required autoComplete="off" defaultValue={values?.phone} />
        </FormField>
      </div>
      <FormField label={t('specialNeeds')} error={error('specialNeeds')}>
        <Textarea name="specialNeeds" rows={2} maxLength={1000} defaultValue={values?.specialNeeds} />
      </FormField>

      <div className="flex items-start gap-2">
        <input
          id="entry-holds-slot"
          name="holdsSlot"
          type="checkbox"
          defaultChecked={values ? values.holdsSlot === 'on' : true}
          className="mt-0.5 size-5 shrink-0 accent-blue-700"
          aria-describedby="entry-holds-slot-hint"
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor="entry-holds-slot" className="text-sm font-medium text-slate-900">
            {t('holdsSlot')}
          </label>
          <p id="entry-holds-slot-hint" className="text-sm text-slate-600">
            {t('holdsSlotHint')}
          </p>
        </div>
      </div>

      <FormField label={t('overrideReason')} description={t('overrideHint')} error={error('leadTimeOverrideReason')}>
        <Textarea name="leadTimeOverrideReason" rows={2} maxLength={500} defaultValue={values?.leadTimeOverrideReason} />
      </FormField>

      <Button type="submit" disabled={pending} className="w-full sm:w-auto sm:self-start">
        {t('submit')}
      </Button>
    </form>
  );
}
