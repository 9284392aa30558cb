'use client';

/**
 * Choosing what and when, for the customer request forms (the public page and the service
 * desk): the resource cards, the chosen resource's free/busy week, the duration and a line
 * saying what has been chosen (or why it cannot be sent yet).
 */
import { useLocale, useTranslations } from 'next-intl';
import type { Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { dayInZone, type HolidayCalendar } from '@/lib/calendar/working-days';
import { SLOT_MINUTES } from '@/lib/customer/start-grid';
import { durationOptions, durationSlot, endClock, type DurationSlotField } from '@/lib/forms/slot-fields';
import { isLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { cn } from '@/lib/utils';
import type { BookableResource } from './bookable-resource';
import { FreeBusyCalendar } from './free-busy-calendar';
import { ResourceChoice } from './resource-choice';

/** The slot as the customer forms hold it: a resource, a day, a start and a duration. */
export type SlotFormValues = { resourceId: string } & Record<DurationSlotField, string>;

export interface SlotPickerProps {
  resources: BookableResource[];
  values: SlotFormValues;
  fields: {
    resourceId: UseFormRegisterReturn;
    duration: UseFormRegisterReturn;
    /** Given: the date and start can also be typed (staff filing for a customer, keyboard users). */
    date?: UseFormRegisterReturn;
    startTime?: UseFormRegisterReturn;
  };
  errors: Partial<Record<keyof SlotFormValues, string>>;
  onPick: (day: string, startTime: string) => void;
  timeZone: string;
  earliestStartAt: string;
  lastDay: string;
  holidays: HolidayCalendar;
  /** The chosen-slot line; focused when the slot is what is wrong. */
  summaryRef?: Ref<HTMLDivElement>;
}

export function SlotPicker({
  resources,
  values,
  fields,
  errors,
  onPick,
  timeZone,
  earliestStartAt,
  lastDay,
  holidays,
  summaryRef,
}: SlotPickerProps) {
  const t = useTranslations('book.slot');
  const localeValue = useLocale();
  const locale = isLocale(localeValue) ? localeValue : 'zh';
  const resource = resources.find((r) => r.id === values.resourceId) ?? null;
  const end = endClock(values.startTime, values.duration);
  const instants = durationSlot.instants(values, timeZone);
  const chosen = values.date && values.startTime && instants.startAt && instants.endAt;
  const slotError = errors.startTime;

  return (
    <>
      <section aria-labelledby="step-resource" className="flex flex-col gap-3">
        <h2 id="step-resource" className="text-lg font-semibold text-slate-900">
          {t('resourceHeading')}
        </h2>
        <ResourceChoice
          resources={resources}
          field={fields.resourceId}
          selectedId={values.resourceId}
          error={errors.resourceId}
          legend={t('resourceHeading')}
        />
      </section>

      <section aria-labelledby="step-time" className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <h2 id="step-time" className="text-lg font-semibold text-slate-900">
            {t('timeHeading')}
          </h2>
          <p className="text-sm text-slate-600">{resource ? t('timeHint', { resource: resource.name }) : t('chooseResourceFirst')}</p>
        </div>
        {/* The duration comes first: the calendar offers only the starts from which it fits. */}
        <FormField label={t('duration')} error={errors.duration} className="sm:max-w-xs">
          {(control) => (
            <select {...control} {...fields.duration} className={cn(fieldClasses, 'h-10 py-2')}>
              {durationOptions(resource, values.startTime, values.duration).map((minutes) => (
                <option key={minutes} value={String(minutes)}>
                  {minutes < 60 ? t('durationMinutes', { minutes }) : t('durationHours', { hours: minutes / 60 })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {resource && (
          <FreeBusyCalendar
            key={resource.id}
            resource={resource}
            timeZone={timeZone}
            earliestStartAt={earliestStartAt}
            lastDay={lastDay}
            holidays={holidays}
            durationMinutes={Number(values.duration) || SLOT_MINUTES}
            selection={values.date && values.startTime && end ? { day: values.date, startTime: values.startTime, endTime: end } : null}
            onPick={onPick}
            labelledBy="step-time"
          />
        )}
        <div className="grid gap-4">
          <div
            ref={summaryRef}
            tabIndex={-1}
            id="slot-summary"
            aria-live="polite"
            className={cn(
              'rounded-md border p-3 text-sm focus:outline-2 focus:outline-blue-600',
              slotError ? 'border-red-300 bg-red-50 text-red-900' : chosen ? 'border-green-200 bg-green-50 text-green-900' : 'border-slate-200 bg-slate-50 text-slate-700',
            )}
          >
            {chosen ? (
              <p>
                <span className="font-medium">{t('chosen')}</span>{' '}
                <time dateTime={instants.startAt}>
                  {formatRange(new Date(instants.startAt), new Date(instants.endAt), locale, timeZone)}
                </time>
              </p>
            ) : (
              <p>{t('nothingChosen')}</p>
            )}
            {slotError && <p className="mt-1 font-medium">{slotError}</p>}
          </div>
          {fields.date && fields.startTime && (
            <div className="grid grid-cols-2 gap-3 sm:max-w-md">
              <FormField label={t('date')} required error={errors.date}>
                <Input type="date" min={dayInZone(new Date(earliestStartAt), timeZone)} max={lastDay} {...fields.date} />
              </FormField>
              <FormField label={t('startTime')} required>
                <Input type="time" step={1800} {...fields.startTime} />
              </FormField>
            </div>
          )}
        </div>
      </section>
    </>
  );
}
