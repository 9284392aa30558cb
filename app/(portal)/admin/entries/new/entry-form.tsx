'use client';

/**
 * Admin's entry of a staff request that came on paper, by phone or by e-mail. The shared
 * request-form controller checks it with the server's schema (adminEntrySchema); a taken slot
 * comes back with alternatives, each taken with one click. After an entry the form says so,
 * links to the new request and is ready for the next paper form.
 */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useRequestForm } from '@/components/booking/use-request-form';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { adminEntrySchema } from '@/lib/booking/schemas';
import { rangeSlot } from '@/lib/forms/slot-fields';
import { cn } from '@/lib/utils';
import { createEntryAction } from './actions';

export interface EntryResource {
  id: string;
  code: string;
  name: string;
  location: string;
  capacity: number;
}

type Option = { id: string; label: string };

const CHANNELS = ['paper', 'phone', 'email'] as const;

interface FormValues {
  onBehalfOfUserId: string;
  channel: (typeof CHANNELS)[number];
  resourceId: string;
  date: string;
  startTime: string;
  endTime: string;
  purpose: string;
  attendees: string;
  phone: string;
  specialNeeds: string;
  holdsSlot: boolean;
  leadTimeOverrideReason: string;
}

const EMPTY: FormValues = {
  onBehalfOfUserId: '',
  channel: 'paper',
  resourceId: '',
  date: '',
  startTime: '',
  endTime: '',
  purpose: '',
  attendees: '',
  phone: '',
  specialNeeds: '',
  holdsSlot: true,
  leadTimeOverrideReason: '',
};

const FOCUS_ORDER = Object.keys(EMPTY) as (keyof FormValues)[];

export function EntryForm({ staff, resources, timeZone }: { staff: Option[]; resources: EntryResource[]; timeZone: string }) {
  const t = useTranslations('entries');
  const tChannel = useTranslations('channel');
  const tErrors = useTranslations('errors');
  const [entered, setEntered] = useState<{ id: string; message: string } | null>(null);
  const resourceOf = (id: string) => resources.find((r) => r.id === id);

  const { form, failure, offers, busy, submit, resourceField, failureRef } = useRequestForm({
    defaultValues: EMPTY,
    slot: rangeSlot,
    timeZone,
    schema: () => adminEntrySchema,
    check: ({ resourceId, attendees }) => {
      const capacity = resourceOf(resourceId)?.capacity;
      return capacity !== undefined && Number(attendees) > capacity ? { attendees: tErrors('over_capacity', { capacity }) } : {};
    },
    fieldOf: { over_capacity: 'attendees', departmentId: 'onBehalfOfUserId' },
    focusOrder: FOCUS_ORDER,
    send: (request) => {
      setEntered(null);
      return createEntryAction(request);
    },
    stays: true,
    // Ready for the next paper form; how it came in usually stays the same.
    onSuccess: (data, values) => {
      setEntered({ id: data.id, message: t('entered', { reference: data.reference }) });
      form.reset({ ...EMPTY, channel: values.channel });
      window.scrollTo({ top: 0 });
    },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const [resourceId, overrideReason] = useWatch({ control: form.control, name: ['resourceId', 'leadTimeOverrideReason'] });
  const selectClasses = cn(fieldClasses, 'h-10 py-2');

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {entered && (
        <Alert variant="success" title={entered.message}>
          <Link href={`/admin/review/${entered.id}`} className="font-medium underline underline-offset-4">
            {t('openEntered')}
          </Link>
        </Alert>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('staff')} required error={errors.onBehalfOfUserId?.message}>
          <select {...register('onBehalfOfUserId')} className={selectClasses}>
            <option value="">{t('choose')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('channel')} required error={errors.channel?.message}>
          <select {...register('channel')} className={selectClasses}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tChannel(c)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      <FormField label={t('resource')} required error={errors.resourceId?.message}>
        <select {...resourceField} className={selectClasses}>
          <option value="">{t('choose')}</option>
          {resources.map((r) => (
            <option key={r.id} value={r.id}>
              {r.code} {r.name}
            </option>
          ))}
        </select>
      </FormField>

      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label={t('date')} required error={errors.date?.message}>
          <Input type="date" {...register('date')} />
        </FormField>
        <FormField label={t('start')} required error={errors.startTime?.message}>
          <Input type="time" step={900} {...register('startTime')} />
        </FormField>
        <FormField label={t('end')} required error={errors.endTime?.message}>
          <Input type="time" step={900} {...register('endTime')} />
        </FormField>
      </div>
      <p className="-mt-2 text-sm text-slate-600">{t('timeZoneHint')}</p>

      <FormField label={t('purpose')} required error={errors.purpose?.message}>
        <Textarea rows={2} maxLength={500} {...register('purpose')} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('attendees')} error={errors.attendees?.message}>
          <Input type="number" min={1} max={resourceOf(resourceId)?.capacity ?? 1000} inputMode="numeric" {...register('attendees')} />
        </FormField>
        <FormField label={t('phone')} required error={errors.phone?.message}>
          <Input type="tel" maxLength={40} autoComplete="off" {...register('phone')} />
        </FormField>
      </div>
      <FormField label={t('specialNeeds')} error={errors.specialNeeds?.message}>
        <Textarea rows={2} maxLength={1000} {...register('specialNeeds')} />
      </FormField>

      <div className="flex items-start gap-2">
        <input
          id="entry-holds-slot"
          type="checkbox"
          className="mt-0.5 size-5 shrink-0 accent-blue-700"
          aria-describedby="entry-holds-slot-hint"
          {...register('holdsSlot')}
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

      <FormField label={t('overrideReason')} description={t('overrideHint')} error={errors.leadTimeOverrideReason?.message}>
        <Textarea rows={2} maxLength={500} {...register('leadTimeOverrideReason')} />
      </FormField>

      {failure && (
        <div ref={failureRef} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none">
          <Alert variant="error">
            <p>{failure.message}</p>
            {failure.code === 'lead_time' && !overrideReason.trim() && <p className="mt-1">{t('leadTimeHint')}</p>}
          </Alert>
          {offers && <SlotAlternatives {...offers} resources={resources} messages="booking.alternatives" />}
        </div>
      )}

      <SubmitButton pending={busy} className="w-full sm:w-auto sm:self-start">
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
