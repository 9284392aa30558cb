'use client';

/**
 * The new-booking form: pick a resource, see its week, choose a free range (in the calendar or
 * with the date and time fields), describe the request, submit. Validation runs the same zod
 * schema as the server (staffRequestSchema); the date and times are wall-clock values in the
 * organisation's time zone and become instants before the schema sees them. A refused slot
 * comes back with the reason and ranked alternatives, each taken with one click.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { CalendarCheckIcon, ClockIcon, MapPinIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { ResourceCalendar, type CalendarRange } from '@/components/booking/resource-calendar';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { staffRequestSchema, type StaffRequestInput } from '@/lib/booking/schemas';
import type { SlotAlternative } from '@/lib/forms/action-result';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import type { ResourceOption, ResourceOptionGroup } from '@/lib/staff-booking/resource-options';
import { visibleHours } from '@/lib/staff-booking/resource-options';
import { instantOf, splitWallClock, toWallClock } from '@/lib/staff-booking/wall-clock';
import { cn } from '@/lib/utils';
import { createBookingAction, type CreateBookingResult } from '../actions';

export interface SlotPrefill {
  date: string;
  startTime: string;
  endTime: string;
}

/** What the inputs hold; the schema's startAt/endAt are made from date + times. */
interface FormValues {
  resourceId: string;
  date: string;
  startTime: string;
  endTime: string;
  purpose: string;
  attendees: string;
  phone: string;
  specialNeeds: string;
}

type Failure = Extract<CreateBookingResult, { ok: false }>;

const schemaResolver = zodResolver(staffRequestSchema);

function toRequest(values: FormValues, timeZone: string): z.input<typeof staffRequestSchema> {
  const { date, startTime, endTime, ...fields } = values;
  const instant = (clock: string) => {
    if (!date || !clock) return '';
    return instantOf(date, clock, timeZone)?.toISOString() ?? 'invalid';
  };
  return { ...fields, startAt: instant(startTime), endAt: instant(endTime) };
}

/**
 * The schema speaks of startAt/endAt; the form shows those errors on the date and time inputs:
 * an empty input gets the error, else the time the error is about.
 */
function formFieldsFor(key: string, values: Pick<FormValues, 'date' | 'startTime' | 'endTime'>): (keyof FormValues)[] {
  if (key === 'startAt' || key === 'endAt') {
    const clock = key === 'startAt' ? 'startTime' : 'endTime';
    if (values.date) return [clock];
    return values[clock] ? ['date'] : ['date', clock];
  }
  return key === 'departmentId' || key === '_form' ? [] : [key as keyof FormValues];
}

function bookingResolver(timeZone: string): Resolver<FormValues, unknown, StaffRequestInput> {
  return async (values, context, options) => {
    const result = await schemaResolver(toRequest(values, timeZone), context, {
      ...options,
      names: undefined,
    } as unknown as Parameters<typeof schemaResolver>[2]);
    const schemaErrors = result.errors as Record<string, { type?: string; message?: string }>;
    if (Object.keys(schemaErrors).length === 0) return { values: result.values as StaffRequestInput, errors: {} };
    const errors: FieldErrors<FormValues> = {};
    for (const [key, error] of Object.entries(schemaErrors)) {
      for (const field of formFieldsFor(key, values)) {
        errors[field] ??= { type: error.type ?? 'validate', message: error.message, ref: options.fields[field]?.ref };
      }
    }
    return { values: {}, errors };
  };
}

export function NewBookingForm({
  groups,
  initialResourceId,
  prefill,
  timeZone,
  earliestDay,
  lastDay,
  phone,
  departmentName,
}: {
  groups: ResourceOptionGroup[];
  initialResourceId: string;
  prefill: SlotPrefill | null;
  timeZone: string;
  earliestDay: string;
  lastDay: string;
  phone: string;
  departmentName: string | null;
}) {
  const t = useTranslations('booking');
  const tValidation = useTranslations('validation');
  const tCommon = useTranslations('common');
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const router = useRouter();
  const resolver = useMemo(() => bookingResolver(timeZone), [timeZone]);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<FormValues, unknown, StaffRequestInput>({
    resolver,
    mode: 'onTouched',
    defaultValues: {
      resourceId: initialResourceId,
      date: prefill?.date ?? '',
      startTime: prefill?.startTime ?? '',
      endTime: prefill?.endTime ?? '',
      purpose: '',
      attendees: '',
      phone,
      specialNeeds: '',
    },
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [leaving, setLeaving] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  const [resourceId, date, startTime, endTime] = useWatch({ control, name: ['resourceId', 'date', 'startTime', 'endTime'] });
  const allResources = useMemo(() => groups.flatMap((g) => g.resources), [groups]);
  const resource = allResources.find((r) => r.id === resourceId) ?? null;
  const selection: CalendarRange | null =
    date && startTime && endTime && startTime < endTime ? { start: `${date}T${startTime}`, end: `${date}T${endTime}` } : null;
  const hours = visibleHours(resource ? [resource] : []);
  const message = (key: string | undefined) => (key ? tValidation(key) : undefined);

  const setSlot = (slot: { date: string; startTime: string; endTime: string }) => {
    const options = { shouldDirty: true, shouldValidate: isSubmitted };
    setValue('date', slot.date, options);
    setValue('startTime', slot.startTime, options);
    setValue('endTime', slot.endTime, options);
  };

  const onCalendarSelect = (range: CalendarRange) => {
    const start = splitWallClock(range.start);
    const end = splitWallClock(range.end);
    if (!start || !end) return;
    setSlot({ date: start.day, startTime: start.clock, endTime: end.clock });
    setFailure(null);
    setAnnouncement(t('new.selected', { day: start.day, start: start.clock, end: end.clock }));
  };

  const onResourceChange = (id: string) => {
    setFailure(null);
    // Keep the address shareable and the choice across a reload.
    const url = new URL(window.location.href);
    if (id) url.searchParams.set('resourceId', id);
    else url.searchParams.delete('resourceId');
    window.history.replaceState(null, '', url);
  };

  const onValid = async (request: StaffRequestInput) => {
    setFailure(null);
    const result = await createBookingAction(request);
    if (result.ok) {
      setLeaving(true);
      router.push(`/bookings/${result.id}?created=1`);
      return;
    }
    for (const [key, keys] of Object.entries(result.fieldErrors ?? {})) {
      for (const field of formFieldsFor(key, { date, startTime, endTime })) {
        setError(field, { type: 'server', message: keys[0] }, { shouldFocus: true });
      }
    }
    setFailure(result);
    if (!result.fieldErrors) requestAnimationFrame(() => failureRef.current?.focus());
  };
  // Called from events only (submit, "Book this"), never while rendering.
  const submit = (event?: FormEvent) => handleSubmit(onValid)(event);

  const take = (alternative: SlotAlternative) => {
    const start = splitWallClock(toWallClock(new Date(alternative.startAt), timeZone));
    const end = splitWallClock(toWallClock(new Date(alternative.endAt), timeZone));
    if (!start || !end) return;
    setValue('resourceId', alternative.resourceId, { shouldDirty: true });
    onResourceChange(alternative.resourceId);
    setSlot({ date: start.day, startTime: start.clock, endTime: end.clock });
    void submit();
  };

  const busy = isSubmitting || leaving;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('new.resourceHeading')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 lg:grid-cols-[minmax(0,22rem)_1fr]">
          <FormField label={t('fields.resource')} required error={message(errors.resourceId?.message)}>
            {(control) => (
              <select
                {...control}
                {...register('resourceId', { onChange: (event) => onResourceChange(event.target.value) })}
                className={cn(fieldClasses, 'h-10 py-2')}
              >
                <option value="">{t('new.chooseResource')}</option>
                {groups.map((group) => (
                  <optgroup key={group.typeId} label={group.typeName}>
                    {group.resources.map((r) => (
                      <option key={r.id} value={r.id} disabled={r.state !== 'in_service'}>
                        {t('new.resourceOption', { name: r.name, code: r.code, capacity: r.capacity })}
                        {r.state !== 'in_service' ? ` — ${t('new.unavailable')}` : ''}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormField>
          {resource ? (
            <ResourceFacts resource={resource} />
          ) : (
            <p className="text-sm text-slate-600 lg:pt-6">{t('new.chooseResourceHint')}</p>
          )}
        </CardContent>
      </Card>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="calendar-heading" className="flex min-w-0 flex-col gap-3">
          <div className="flex flex-col gap-1">
            <h2 id="calendar-heading" className="text-lg font-semibold">
              {t('new.calendarHeading')}
            </h2>
            <p className="text-sm text-slate-600">
              {resource ? t('new.calendarHint') : t('new.calendarEmpty')}{' '}
              <Link href="/calendar" className="font-medium text-blue-700 underline-offset-4 hover:underline">
                {t('new.allCalendars')}
              </Link>
            </p>
          </div>
          {resource && (
            <ResourceCalendar
              resourceIds={[resource.id]}
              timeZone={timeZone}
              minTime={hours.minTime}
              maxTime={hours.maxTime}
              initialDate={date || earliestDay}
              bookable
              selection={selection}
              onSelectRange={onCalendarSelect}
            />
          )}
        </section>

        <Card className="lg:sticky lg:top-20">
          <CardHeader>
            <CardTitle as="h2">{t('new.detailsHeading')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <FormField
              label={t('fields.date')}
              required
              error={message(errors.date?.message)}
              description={t('new.earliest', { day: formatDate(dayStart(earliestDay), locale, 'UTC') })}
            >
              <Input type="date" min={earliestDay} max={lastDay} {...register('date')} />
            </FormField>
            <div className="grid grid-cols-2 gap-3">
              <FormField label={t('fields.startTime')} required error={message(errors.startTime?.message)}>
                <Input type="time" step={900} {...register('startTime')} />
              </FormField>
              <FormField label={t('fields.endTime')} required error={message(errors.endTime?.message)}>
                <Input type="time" step={900} {...register('endTime')} />
              </FormField>
            </div>
            <p className="-mt-2 text-xs text-slate-600">{t('new.timeZoneNote', { zone: timeZone })}</p>
            <FormField label={t('fields.purpose')} required error={message(errors.purpose?.message)}>
              <Textarea rows={3} maxLength={500} {...register('purpose')} />
            </FormField>
            <FormField
              label={t('fields.attendees')}
              error={message(errors.attendees?.message)}
              description={resource ? t('new.capacityHint', { capacity: resource.capacity }) : undefined}
            >
              <Input type="number" inputMode="numeric" min={1} max={resource?.capacity ?? 1000} {...register('attendees')} />
            </FormField>
            <FormField label={t('fields.phone')} required error={message(errors.phone?.message)}>
              <Input type="tel" autoComplete="tel" maxLength={40} {...register('phone')} />
            </FormField>
            <FormField
              label={t('fields.department')}
              description={departmentName ? t('new.departmentHint') : undefined}
              error={
                departmentName
                  ? message(failure?.fieldErrors?.departmentId?.[0])
                  : t('new.noDepartment')
              }
            >
              <Input readOnly value={departmentName ?? tCommon('notSet')} className="bg-slate-50" />
            </FormField>
            <FormField label={t('fields.specialNeeds')} error={message(errors.specialNeeds?.message)}>
              <Textarea rows={2} maxLength={1000} {...register('specialNeeds')} />
            </FormField>

            {failure && (
              <div ref={failureRef} tabIndex={-1} className="flex flex-col gap-3 focus:outline-none">
                <Alert variant="error" title={t('new.refused')}>
                  <p>{failure.message}</p>
                  {failure.alternatives && failure.alternatives.length > 0 && (
                    <a href="#alternatives-heading" className="mt-1 inline-block font-medium underline underline-offset-4">
                      {t('alternatives.jump', { count: failure.alternatives.length })}
                    </a>
                  )}
                </Alert>
                {failure.code === 'lead_time' && typeof failure.params?.earliest === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(failure.params.earliest) && (
                  <Button
                    variant="outline"
                    onClick={() => setSlot({ date: String(failure.params?.earliest), startTime, endTime })}
                  >
                    {t('new.useEarliest', { day: formatDate(dayStart(String(failure.params.earliest)), locale, 'UTC') })}
                  </Button>
                )}
              </div>
            )}

            <Button type="submit" size="lg" disabled={busy} className="w-full">
              <CalendarCheckIcon aria-hidden />
              {busy ? t('new.submitting') : t('new.submit')}
            </Button>
            <p className="text-xs text-slate-600">{t('new.submitNote')}</p>
          </CardContent>
        </Card>
      </div>

      {failure?.alternatives && failure.alternatives.length > 0 && (
        <SlotAlternatives
          alternatives={failure.alternatives}
          resources={allResources}
          timeZone={timeZone}
          locale={locale}
          disabled={busy}
          onTake={take}
          messages="booking.alternatives"
          headingLevel="h2"
        />
      )}
    </form>
  );
}

/** Midnight UTC of a day, for formatting a 'YYYY-MM-DD' with the UTC zone (no shift). */
function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function ResourceFacts({ resource }: { resource: ResourceOption }) {
  const t = useTranslations('booking');
  const tCommon = useTranslations('common');
  return (
    <div className="flex flex-col gap-3 rounded-md bg-slate-50 p-3 text-sm" aria-live="polite">
      <p className="font-medium text-slate-900">
        {resource.name} <span className="font-mono text-xs text-slate-500">{resource.code}</span>
      </p>
      <dl className="grid gap-x-4 gap-y-1.5 text-slate-700 sm:grid-cols-2">
        <div className="flex items-center gap-1.5">
          <dt>
            <MapPinIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.location')}</span>
          </dt>
          <dd>{resource.location}</dd>
        </div>
        <div className="flex items-center gap-1.5">
          <dt>
            <UsersIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.capacity')}</span>
          </dt>
          <dd>{tCommon('people', { count: resource.capacity })}</dd>
        </div>
        <div className="flex items-center gap-1.5 sm:col-span-2">
          <dt>
            <ClockIcon className="size-4 text-slate-400" aria-hidden />
            <span className="sr-only">{t('fields.hours')}</span>
          </dt>
          <dd>
            {t('new.hours', { opens: resource.opensAt, closes: resource.closesAt })}
            {' · '}
            {resource.workingDaysOnly ? t('new.workingDaysOnly') : t('new.everyDay')}
            {' · '}
            {t('new.maxDuration', { duration: tCommon('minutes', { count: resource.maxDurationMinutes }) })}
          </dd>
        </div>
      </dl>
      {resource.facilities.length > 0 && (
        <div className="flex flex-wrap items-center gap-1.5">
          <span className="sr-only">{t('fields.facilities')}</span>
          {resource.facilities.map((facility) => (
            <Badge key={facility} variant="outline">
              {facility}
            </Badge>
          ))}
        </div>
      )}
      {resource.notes && (
        <p className="text-slate-700">{t('new.notesLine', { notes: resource.notes })}</p>
      )}
    </div>
  );
}
