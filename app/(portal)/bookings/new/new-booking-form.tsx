'use client';

/**
 * The new-booking form: pick a resource, see its week, choose a free range (in the calendar or
 * with the date and time fields), describe the request, submit. The shared request-form
 * controller checks it with the server's schema (staffRequestSchema), the date and times being
 * the organisation's wall clock; a refused slot comes back with the reason and ranked
 * alternatives, each taken with one click.
 */
import { CalendarCheckIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { ResourceCalendar, type CalendarRange } from '@/components/booking/resource-calendar';
import { ResourceFacts } from '@/components/booking/resource-facts';
import { useRequestForm } from '@/components/booking/use-request-form';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { JoinWaitlistButton } from '@/components/waitlist/join-waitlist-button';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { staffRequestSchema } from '@/lib/booking/schemas';
import { rangeSlot } from '@/lib/forms/slot-fields';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import type { ResourceOptionGroup } from '@/lib/staff-booking/resource-options';
import { visibleHours } from '@/lib/staff-booking/resource-options';
import { splitWallClock } from '@/lib/staff-booking/wall-clock';
import { cn } from '@/lib/utils';
import { joinWaitlistAction } from '@/app/actions/waitlist';
import { createBookingAction } from './actions';

export interface SlotPrefill {
  date: string;
  startTime: string;
  endTime: string;
}

const FOCUS_ORDER = ['resourceId', 'date', 'startTime', 'endTime', 'purpose', 'attendees', 'phone', 'specialNeeds'] as const;

/** Midnight UTC of a day, for formatting a 'YYYY-MM-DD' with the UTC zone (no shift). */
const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);

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
  const tCommon = useTranslations('common');
  const tErrors = useTranslations('errors');
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const router = useRouter();
  const [announcement, setAnnouncement] = useState('');
  const allResources = useMemo(() => groups.flatMap((g) => g.resources), [groups]);
  const resourceOf = (id: string) => allResources.find((r) => r.id === id) ?? null;

  const { form, failure, offers, busy, submit, setSlot, resourceField, failureRef } = useRequestForm({
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
    slot: rangeSlot,
    timeZone,
    schema: () => staffRequestSchema,
    check: ({ resourceId, attendees }) => {
      const capacity = resourceOf(resourceId)?.capacity;
      return capacity !== undefined && Number(attendees) > capacity ? { attendees: tErrors('over_capacity', { capacity }) } : {};
    },
    fieldOf: { over_capacity: 'attendees' },
    focusOrder: FOCUS_ORDER,
    send: (request) => createBookingAction(request),
    onSuccess: (data) => router.push(`/bookings/${data.id}?created=1`),
    resourceParam: { name: 'resourceId', value: (id) => id || undefined },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const [resourceId, date, startTime, endTime] = useWatch({ control: form.control, name: ['resourceId', 'date', 'startTime', 'endTime'] });
  const resource = resourceOf(resourceId);
  const selection: CalendarRange | null =
    date && startTime && endTime && startTime < endTime ? { start: `${date}T${startTime}`, end: `${date}T${endTime}` } : null;
  const hours = visibleHours(resource ? [resource] : []);
  // The department comes from the profile; the server names it when it is missing or invalid.
  const departmentError = failure?.fieldErrors?.departmentId?.[0];

  const onCalendarSelect = (range: CalendarRange) => {
    const start = splitWallClock(range.start);
    const end = splitWallClock(range.end);
    if (!start || !end) return;
    setSlot({ date: start.day, startTime: start.clock, endTime: end.clock });
    setAnnouncement(t('new.selected', { day: start.day, start: start.clock, end: end.clock }));
  };

  const earliest = failure?.code === 'lead_time' ? failure.params?.earliest : undefined;
  // The slot asked for, as instants: what the waitlist would wait for when it is taken.
  const wanted = rangeSlot.instants({ date, startTime, endTime }, timeZone);

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
          <FormField label={t('fields.resource')} required error={errors.resourceId?.message}>
            {(control) => (
              <select {...control} {...resourceField} className={cn(fieldClasses, 'h-10 py-2')}>
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
          {resource ? <ResourceFacts resource={resource} /> : <p className="text-sm text-slate-600 lg:pt-6">{t('new.chooseResourceHint')}</p>}
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
              scope={{ kind: 'resource', id: resource.id }}
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
              error={errors.date?.message}
              description={t('new.earliest', { day: formatDate(dayStart(earliestDay), locale, 'UTC') })}
            >
              <Input type="date" min={earliestDay} max={lastDay} {...register('date')} />
            </FormField>
            <div className="grid grid-cols-2 gap-3">
              <FormField label={t('fields.startTime')} required error={errors.startTime?.message}>
                <Input type="time" step={900} {...register('startTime')} />
              </FormField>
              <FormField label={t('fields.endTime')} required error={errors.endTime?.message}>
                <Input type="time" step={900} {...register('endTime')} />
              </FormField>
            </div>
            <p className="-mt-2 text-xs text-slate-600">{t('new.timeZoneNote', { zone: timeZone })}</p>
            <FormField label={t('fields.purpose')} required error={errors.purpose?.message}>
              <Textarea rows={3} maxLength={500} {...register('purpose')} />
            </FormField>
            <FormField
              label={t('fields.attendees')}
              error={errors.attendees?.message}
              description={resource ? t('new.capacityHint', { capacity: resource.capacity }) : undefined}
            >
              <Input type="number" inputMode="numeric" min={1} max={resource?.capacity ?? 1000} {...register('attendees')} />
            </FormField>
            <FormField label={t('fields.phone')} required error={errors.phone?.message}>
              <Input type="tel" autoComplete="tel" maxLength={40} {...register('phone')} />
            </FormField>
            <FormField
              label={t('fields.department')}
              description={departmentName ? t('new.departmentHint') : undefined}
              error={departmentName ? departmentError : t('new.noDepartment')}
            >
              <Input readOnly value={departmentName ?? tCommon('notSet')} className="bg-slate-50" />
            </FormField>
            <FormField label={t('fields.specialNeeds')} error={errors.specialNeeds?.message}>
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
                {failure.code === 'slot_taken' && resourceId && wanted.startAt && wanted.endAt && !Object.values(wanted).includes('invalid') && (
                  <JoinWaitlistButton key={`${resourceId}|${wanted.startAt}|${wanted.endAt}`} resourceId={resourceId} {...wanted} join={joinWaitlistAction} />
                )}
                {typeof earliest === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(earliest) && (
                  <Button variant="outline" onClick={() => setSlot({ date: earliest })}>
                    {t('new.useEarliest', { day: formatDate(dayStart(earliest), locale, 'UTC') })}
                  </Button>
                )}
              </div>
            )}

            <SubmitButton size="lg" pending={busy} pendingLabel={t('new.submitting')} className="w-full">
              <CalendarCheckIcon aria-hidden />
              {t('new.submit')}
            </SubmitButton>
            <p className="text-xs text-slate-600">{t('new.submitNote')}</p>
          </CardContent>
        </Card>
      </div>

      {offers && <SlotAlternatives {...offers} resources={allResources} messages="booking.alternatives" headingLevel="h2" />}
    </form>
  );
}
