'use client';

/**
 * The series form: a resource, the first occurrence's date and times, how it repeats (every
 * week on chosen weekdays, every two weeks, or monthly on the same weekday) and until when (a
 * date or a number of times), and the request's details. "Show dates" previews every date with
 * its state; submitting books all the free ones at once. The shared request-form controller
 * checks the request with the single request's schema; the rule is checked by the server.
 */
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useRequestForm } from '@/components/booking/use-request-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { OccurrenceList } from '@/components/series/occurrence-list';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { OccurrenceView } from '@/lib/booking/series/occurrences';
import { buildRule, WEEKDAY_CODES, type RuleChoice, type WeekdayCode } from '@/lib/booking/series/rule-choice';
import { staffRequestSchema } from '@/lib/booking/schemas';
import type { ActionFailure } from '@/lib/forms/action-result';
import { rangeSlot } from '@/lib/forms/slot-fields';
import type { ResourceOptionGroup } from '@/lib/staff-booking/resource-options';
import { cn } from '@/lib/utils';
import { createSeriesAction, previewSeriesAction } from '../actions';

const FOCUS_ORDER = ['resourceId', 'date', 'startTime', 'endTime', 'count', 'until', 'purpose', 'attendees', 'phone', 'specialNeeds'] as const;

interface SeriesValues {
  resourceId: string;
  date: string;
  startTime: string;
  endTime: string;
  frequency: RuleChoice['frequency'];
  weekdays: WeekdayCode[];
  endKind: 'count' | 'until';
  count: string;
  until: string;
  includeNonWorkingDays: boolean;
  purpose: string;
  attendees: string;
  phone: string;
  specialNeeds: string;
}

/** The RRULE of the form's repeat fields ('' until the first date is chosen). */
function ruleOf(values: Pick<SeriesValues, 'date' | 'frequency' | 'weekdays' | 'endKind' | 'count' | 'until'>): string {
  if (!values.date) return '';
  const end = values.endKind === 'count' ? { count: Number(values.count) || 0 } : { until: values.until };
  return buildRule({ frequency: values.frequency, weekdays: values.weekdays, firstDay: values.date, end });
}

export function SeriesForm({
  groups,
  timeZone,
  earliestDay,
  lastDay,
  phone,
}: {
  groups: ResourceOptionGroup[];
  timeZone: string;
  earliestDay: string;
  lastDay: string;
  phone: string;
}) {
  const t = useTranslations('series');
  const tBooking = useTranslations('booking');
  const router = useRouter();
  const allResources = useMemo(() => groups.flatMap((g) => g.resources), [groups]);
  const resourceName = (id: string) => allResources.find((r) => r.id === id)?.name ?? '';
  const [preview, setPreview] = useState<{ key: string; occurrences: OccurrenceView[] } | null>(null);
  const [previewFailure, setPreviewFailure] = useState<ActionFailure | null>(null);
  const [previewing, setPreviewing] = useState(false);

  const { form, failure, busy, submit, resourceField, failureRef, request } = useRequestForm({
    defaultValues: {
      resourceId: '',
      date: '',
      startTime: '',
      endTime: '',
      frequency: 'weekly',
      weekdays: [],
      endKind: 'count',
      count: '10',
      until: '',
      includeNonWorkingDays: false,
      purpose: '',
      attendees: '',
      phone,
      specialNeeds: '',
    } as SeriesValues,
    slot: rangeSlot,
    timeZone,
    schema: () => staffRequestSchema,
    toRequest: (values, req) => ({ ...req, rrule: ruleOf(values), includeNonWorkingDays: values.includeNonWorkingDays }),
    focusOrder: FOCUS_ORDER,
    send: (req) => createSeriesAction(req),
    onSuccess: (data) => router.push(`/bookings/series/${data.id}?created=1`),
  });
  const { register, formState: { errors } } = form;
  const watched = useWatch({ control: form.control });
  const frequency = watched.frequency ?? 'weekly';
  const endKind = watched.endKind ?? 'count';
  // The preview stands for the values it was made from; any change asks for a new one.
  const previewKey = JSON.stringify(request());
  const currentPreview = preview?.key === previewKey ? preview.occurrences : null;
  const freeCount = currentPreview?.filter((o) => o.status === 'free').length ?? 0;

  const showDates = async () => {
    if (!(await form.trigger())) return;
    setPreviewing(true);
    setPreviewFailure(null);
    const key = JSON.stringify(request());
    const result = await previewSeriesAction(request());
    setPreviewing(false);
    if (result.ok) setPreview({ key, occurrences: result.data.occurrences });
    else {
      setPreview(null);
      setPreviewFailure(result);
    }
  };
  const refusal = failure ?? previewFailure;
  const ruleMessage = refusal?.fieldErrors?.rrule?.[0];

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('new.slotHeading')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label={tBooking('fields.resource')} required error={errors.resourceId?.message} className="sm:col-span-2">
            {(control) => (
              <select {...control} {...resourceField} className={cn(fieldClasses, 'h-10 py-2')}>
                <option value="">{tBooking('new.chooseResource')}</option>
                {groups.map((group) => (
                  <optgroup key={group.typeId} label={group.typeName}>
                    {group.resources.map((r) => (
                      <option key={r.id} value={r.id} disabled={r.state !== 'in_service'}>
                        {tBooking('new.resourceOption', { name: r.name, code: r.code, capacity: r.capacity })}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('fields.firstDate')} required error={errors.date?.message} className="sm:col-span-2">
            <Input type="date" min={earliestDay} max={lastDay} {...register('date')} />
          </FormField>
          <FormField label={tBooking('fields.startTime')} required error={errors.startTime?.message}>
            <Input type="time" step={900} {...register('startTime')} />
          </FormField>
          <FormField label={tBooking('fields.endTime')} required error={errors.endTime?.message}>
            <Input type="time" step={900} {...register('endTime')} />
          </FormField>
          <p className="text-xs text-slate-600 sm:col-span-2">{tBooking('new.timeZoneNote', { zone: timeZone })}</p>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('new.repeatHeading')}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t('fields.frequency')}</legend>
            {(['weekly', 'biweekly', 'monthly'] as const).map((f) => (
              <label key={f} className="flex items-center gap-2 text-sm">
                <input type="radio" value={f} {...register('frequency')} className="size-4" />
                {t(`frequency.${f}`)}
              </label>
            ))}
          </fieldset>
          {frequency !== 'monthly' && (
            <fieldset>
              <legend className="mb-1 text-sm font-medium">{t('fields.weekdays')}</legend>
              <p className="mb-2 text-xs text-slate-600">{t('new.weekdaysHint')}</p>
              <div className="flex flex-wrap gap-3">
                {WEEKDAY_CODES.map((d) => (
                  <label key={d} className="flex min-h-10 items-center gap-1.5 text-sm">
                    <input type="checkbox" value={d} {...register('weekdays')} className="size-4" />
                    {t(`weekday.${d}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {frequency === 'monthly' && <p className="text-sm text-slate-600">{t('new.monthlyHint')}</p>}
          <fieldset className="flex flex-col gap-3">
            <legend className="mb-1 text-sm font-medium">{t('fields.end')}</legend>
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" value="count" {...register('endKind')} className="size-4" />
                {t('end.count')}
              </label>
              <Input
                type="number"
                inputMode="numeric"
                min={1}
                max={104}
                aria-label={t('fields.count')}
                className="w-24"
                disabled={endKind !== 'count'}
                {...register('count')}
              />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2 text-sm">
                <input type="radio" value="until" {...register('endKind')} className="size-4" />
                {t('end.until')}
              </label>
              <Input
                type="date"
                min={earliestDay}
                max={lastDay}
                aria-label={t('fields.until')}
                className="w-44"
                disabled={endKind !== 'until'}
                {...register('until')}
              />
            </div>
          </fieldset>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" {...register('includeNonWorkingDays')} className="mt-0.5 size-4" />
            {t('fields.includeNonWorkingDays')}
          </label>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{tBooking('new.detailsHeading')}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <FormField label={tBooking('fields.purpose')} required error={errors.purpose?.message} className="sm:col-span-2">
            <Textarea rows={2} maxLength={500} {...register('purpose')} />
          </FormField>
          <FormField label={tBooking('fields.attendees')} error={errors.attendees?.message}>
            <Input type="number" inputMode="numeric" min={1} {...register('attendees')} />
          </FormField>
          <FormField label={tBooking('fields.phone')} required error={errors.phone?.message}>
            <Input type="tel" autoComplete="tel" maxLength={40} {...register('phone')} />
          </FormField>
          <FormField label={tBooking('fields.specialNeeds')} error={errors.specialNeeds?.message} className="sm:col-span-2">
            <Textarea rows={2} maxLength={1000} {...register('specialNeeds')} />
          </FormField>
        </CardContent>
      </Card>

      {refusal && (
        <div ref={failureRef} tabIndex={-1} className="focus:outline-none">
          <Alert variant="error" title={t('new.refused')}>
            <p>{ruleMessage ?? refusal.message}</p>
          </Alert>
        </div>
      )}

      <section aria-labelledby="dates-heading" className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="dates-heading" className="text-lg font-semibold">
            {t('preview.heading')}
          </h2>
          <Button type="button" variant="outline" onClick={showDates} disabled={previewing || busy}>
            {previewing ? t('preview.loading') : t('preview.show')}
          </Button>
        </div>
        <p role="status" aria-live="polite" className="text-sm text-slate-600">
          {currentPreview ? t('preview.summary', { total: currentPreview.length, free: freeCount }) : t('preview.hint')}
        </p>
        {currentPreview && <OccurrenceList occurrences={currentPreview} timeZone={timeZone} resourceName={resourceName} />}
      </section>

      {currentPreview && freeCount > 0 && (
        <div className="flex justify-end">
          <SubmitButton pending={busy} className="w-full sm:w-auto">
            {t('new.submit', { count: freeCount })}
          </SubmitButton>
        </div>
      )}
    </form>
  );
}
