'use client';

/**
 * The public request form: resource → free slot → the customer's details → submit. The shared
 * request-form controller (components/booking/use-request-form.ts) checks the chosen resource's
 * capacity in the browser and has the server check the rest with its schema (publicRequestSchema,
 * so this page ships no zod; the check counts against no rate limit), sends it, and puts a refusal
 * on its fields or offers ranked alternatives, each requested with one click. On success the
 * customer sees their reference.
 */
import { CalendarCheckIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useRequestForm } from '@/components/booking/use-request-form';
import type { BookableResource } from '@/components/customer/bookable-resource';
import { CUSTOMER_FIELDS, CustomerFields, EMPTY_CUSTOMER, type CustomerFieldName } from '@/components/customer/customer-fields';
import { RequestConfirmation, type SubmittedRequest } from '@/components/customer/request-confirmation';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { SlotPicker, type SlotFormValues } from '@/components/customer/slot-picker';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent } from '@/components/ui/card';
import type { DayKind } from '@/lib/calendar/working-days';
import type { ActionFailure } from '@/lib/forms/action-result';
import { durationSlot } from '@/lib/forms/slot-fields';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { JoinWaitlistButton } from '@/components/waitlist/join-waitlist-button';
import { checkPublicRequestAction, createPublicRequestAction, joinPublicWaitlistAction } from './actions';

type FormValues = SlotFormValues &
  Record<CustomerFieldName, string> & {
    /** The honeypot: hidden from people, so only a bot fills it in. */
    website: string;
  };

/** The order in which a failed check moves the focus: top of the page first. */
const FOCUS_ORDER = ['resourceId', 'startTime', 'duration', ...CUSTOMER_FIELDS] as const;

export function PublicBookingForm({
  resources,
  initialResourceId,
  timeZone,
  earliestStartAt,
  lastDay,
  holidays,
}: {
  resources: BookableResource[];
  initialResourceId: string;
  timeZone: string;
  earliestStartAt: string;
  lastDay: string;
  holidays: [string, DayKind][];
}) {
  const t = useTranslations('book');
  const tErrors = useTranslations('errors');
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const holidayCalendar = useMemo(() => new Map(holidays), [holidays]);
  const [submitted, setSubmitted] = useState<SubmittedRequest | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const doneRef = useRef<HTMLHeadingElement>(null);
  const resourceOf = (id: string) => resources.find((r) => r.id === id) ?? null;

  const { form, failure, offers, busy, submit, setSlot, resourceField, summaryRef, failureRef } = useRequestForm({
    defaultValues: { resourceId: initialResourceId, date: '', startTime: '', duration: '60', ...EMPTY_CUSTOMER, website: '' } as FormValues,
    slot: durationSlot,
    timeZone,
    precheck: (request) => checkPublicRequestAction(request),
    check: ({ resourceId, visitors }) => {
      const capacity = resourceOf(resourceId)?.capacity;
      return capacity !== undefined && Number(visitors) > capacity ? { visitors: tErrors('over_capacity', { capacity }) } : {};
    },
    fieldOf: { over_capacity: 'visitors' },
    focusOrder: FOCUS_ORDER,
    send: (request) => createPublicRequestAction(request),
    onSuccess: (data, values) => {
      const slot = durationSlot.instants(values, timeZone);
      setSubmitted({ ...data, email: values.email, resourceName: resourceOf(values.resourceId)?.name ?? '', ...slot });
      window.scrollTo({ top: 0 });
      requestAnimationFrame(() => doneRef.current?.focus());
    },
    resourceParam: { name: 'resource', value: (id) => resourceOf(id)?.code },
  });
  const { errors } = form.formState;
  const [resourceId, date, startTime, duration] = useWatch({ control: form.control, name: ['resourceId', 'date', 'startTime', 'duration'] });

  const onPick = (day: string, clock: string) => {
    setSlot({ date: day, startTime: clock });
    form.clearErrors('startTime');
    const chosen = durationSlot.instants({ date: day, startTime: clock, duration }, timeZone);
    setAnnouncement(t('slot.announce', { time: formatRange(new Date(chosen.startAt), new Date(chosen.endAt), locale, timeZone) }));
  };

  if (submitted) {
    return (
      <RequestConfirmation
        submitted={submitted}
        locale={locale}
        timeZone={timeZone}
        headingRef={doneRef}
        onAgain={() => {
          form.reset();
          setSubmitted(null);
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-8">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <SlotPicker
        resources={resources}
        values={{ resourceId, date, startTime, duration }}
        fields={{ resourceId: resourceField, duration: form.register('duration') }}
        errors={{ resourceId: errors.resourceId?.message, startTime: errors.startTime?.message, duration: errors.duration?.message }}
        onPick={onPick}
        timeZone={timeZone}
        earliestStartAt={earliestStartAt}
        lastDay={lastDay}
        holidays={holidayCalendar}
        summaryRef={summaryRef}
      />

      <section aria-labelledby="step-details" className="flex flex-col gap-3">
        <h2 id="step-details" className="text-lg font-semibold text-slate-900">
          {t('form.heading')}
        </h2>
        <Card>
          <CardContent className="flex flex-col gap-5 pt-4 sm:pt-5">
            <CustomerFields register={form.register} errors={errors} capacity={resourceOf(resourceId)?.capacity} />
            {/* The honeypot: off-screen and hidden from assistive technology; people never fill it in. */}
            <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
              <label>
                Website
                <input type="text" tabIndex={-1} autoComplete="off" {...form.register('website')} />
              </label>
            </div>

            {failure && (
              <div ref={failureRef} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none">
                <FailureNotice failure={failure} />
                {offers && <SlotAlternatives {...offers} resources={resources} />}
                {failure.code === 'slot_taken' && <PublicWaitlistOffer values={form.getValues()} timeZone={timeZone} />}
              </div>
            )}

            <div className="flex flex-col gap-2">
              <SubmitButton size="lg" pending={busy} pendingLabel={t('form.submitting')} className="w-full sm:w-auto sm:self-start">
                <CalendarCheckIcon aria-hidden />
                {t('form.submit')}
              </SubmitButton>
              <p className="text-xs text-slate-600">{t('form.privacy')}</p>
            </div>
          </CardContent>
        </Card>
      </section>
    </form>
  );
}

/** The slot the customer asked for is taken: wait for it, to be told at the address they typed in. */
function PublicWaitlistOffer({ values, timeZone }: { values: FormValues; timeZone: string }) {
  const wanted = durationSlot.instants(values, timeZone);
  if (!values.resourceId || !wanted.startAt || !wanted.endAt || Object.values(wanted).includes('invalid')) return null;
  return (
    <JoinWaitlistButton
      key={`${values.resourceId}|${wanted.startAt}|${wanted.endAt}`}
      resourceId={values.resourceId}
      {...wanted}
      join={(slot) => joinPublicWaitlistAction({ ...slot, name: values.name, email: values.email })}
    />
  );
}

function FailureNotice({ failure }: { failure: ActionFailure }) {
  const t = useTranslations('book.failure');
  if (failure.code === 'rate_limited' || failure.code === 'too_many_open') {
    return (
      <Alert variant="warning" title={t('tooManyTitle')}>
        {failure.code === 'rate_limited' ? t('rateLimited') : failure.message}
      </Alert>
    );
  }
  const slotProblem = Boolean(failure.alternatives?.length);
  return (
    <Alert variant="error" title={slotProblem ? t('slotTitle') : t('title')}>
      <p>{failure.message}</p>
      {slotProblem && <p className="mt-1">{t('pickAlternative')}</p>}
    </Alert>
  );
}
