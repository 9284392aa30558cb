'use client';

/**
 * The public request form: resource → free slot → the customer's details → submit. The same
 * schema as the server (publicRequestSchema) validates before sending; the server action runs
 * the domain function, which checks everything again. A refused slot comes back with ranked
 * alternatives, each requested with one click; on success the customer sees their reference.
 */
import { CalendarCheckIcon, CircleCheckIcon } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState, type FormEvent, type Ref } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { BookableResource } from '@/components/customer/bookable-resource';
import { CUSTOMER_FIELDS, CustomerFields, EMPTY_CUSTOMER, type CustomerFieldName } from '@/components/customer/customer-fields';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { SlotPicker } from '@/components/customer/slot-picker';
import { requestResolver, setSlotFields, slotFieldFor, slotInstants, slotOfAlternative, type SlotFormValues } from '@/components/customer/slot-values';
import { useFieldMessage } from '@/components/customer/use-field-message';
import { useRequestFocus } from '@/components/customer/use-request-focus';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import type { BookingStatus } from '@/db/schema';
import type { DayKind } from '@/lib/calendar/working-days';
import { publicRequestSchema, type PublicRequestInput } from '@/lib/customer/schemas';
import type { ActionFailure, SlotAlternative } from '@/lib/forms/action-result';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { createPublicRequestAction } from './actions';

interface FormValues extends SlotFormValues, Record<CustomerFieldName, string> {
  /** The honeypot: hidden from people, so only a bot fills it in. */
  website: string;
}

/** The order in which a failed check moves the focus: top of the page first. */
const FOCUS_ORDER = ['resourceId', 'startTime', 'duration', ...CUSTOMER_FIELDS] as const;

function fieldFor(key: string): keyof FormValues | null {
  return slotFieldFor(key) ?? ((CUSTOMER_FIELDS as readonly string[]).includes(key) ? (key as CustomerFieldName) : null);
}

/** What the schema (and the server) takes: the slot as instants, the customer's fields as typed. */
function toRequest(values: FormValues, timeZone: string) {
  const { resourceId, name, phone, email, company, visitors, specialNeeds, website } = values;
  return { resourceId, ...slotInstants(values, timeZone), name, phone, email, company, visitors, specialNeeds, website };
}

const DEFAULT_DURATION = '60';

interface Submitted {
  reference: string;
  status: BookingStatus;
  email: string;
  resourceName: string;
  startAt: string;
  endAt: string;
}

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
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const message = useFieldMessage();
  const holidayCalendar = useMemo(() => new Map(holidays), [holidays]);
  const resolver = useMemo(
    () =>
      requestResolver<FormValues, typeof publicRequestSchema>(
        publicRequestSchema,
        (values) => toRequest(values, timeZone),
        fieldFor,
      ),
    [timeZone],
  );
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    setFocus,
    clearErrors,
    reset,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<FormValues, unknown, PublicRequestInput>({
    resolver,
    // Checked on submit, then as the fields change: a message appearing on blur would move the
    // submit button under a finger that is about to tap it.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    defaultValues: {
      resourceId: initialResourceId,
      date: '',
      startTime: '',
      duration: DEFAULT_DURATION,
      ...EMPTY_CUSTOMER,
      website: '',
    },
  });
  const [resourceId, date, startTime, duration] = useWatch({ control, name: ['resourceId', 'date', 'startTime', 'duration'] });
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const doneRef = useRef<HTMLHeadingElement>(null);
  const { summaryRef, failureRef, showServerErrors, onInvalid } = useRequestFocus<keyof FormValues>({
    focusOrder: FOCUS_ORDER,
    fieldFor,
    setError,
    setFocus,
  });
  const resource = resources.find((r) => r.id === resourceId) ?? null;

  const setSlot = (slot: SlotFormValues) => {
    setSlotFields(setValue, slot, { shouldDirty: true, shouldValidate: isSubmitted });
  };

  const onPick = (day: string, clock: string) => {
    const maxMinutes = resource?.maxDurationMinutes ?? Number(DEFAULT_DURATION);
    const kept = Number(duration) > 0 && Number(duration) <= maxMinutes ? duration : String(Math.min(maxMinutes, 60));
    setSlot({ resourceId, date: day, startTime: clock, duration: kept });
    setFailure(null);
    clearErrors('startTime');
    const chosen = slotInstants({ resourceId, date: day, startTime: clock, duration: kept }, timeZone);
    setAnnouncement(t('slot.announce', { time: formatRange(new Date(chosen.startAt), new Date(chosen.endAt), locale, timeZone) }));
  };

  const resourceField = register('resourceId', {
    onChange: (event: { target: { value: string } }) => {
      // Another resource: the time chosen on the previous one no longer applies.
      setValue('date', '');
      setValue('startTime', '');
      setFailure(null);
      const code = resources.find((r) => r.id === event.target.value)?.code;
      const url = new URL(window.location.href);
      if (code) url.searchParams.set('resource', code);
      window.history.replaceState(null, '', url);
    },
  });

  const onValid = async (request: PublicRequestInput) => {
    setFailure(null);
    const result = await createPublicRequestAction(request);
    if (result.ok) {
      setSubmitted({
        reference: result.reference,
        status: result.status,
        email: request.email,
        resourceName: resources.find((r) => r.id === request.resourceId)?.name ?? '',
        startAt: request.startAt.toISOString(),
        endAt: request.endAt.toISOString(),
      });
      window.scrollTo({ top: 0 });
      requestAnimationFrame(() => doneRef.current?.focus());
      return;
    }
    setFailure(result);
    showServerErrors(result.fieldErrors);
  };

  // Built per call, not during render: the callbacks use refs (focus), which render must not read.
  const submit = (event?: FormEvent) => handleSubmit(onValid, onInvalid)(event);

  const take = (alternative: SlotAlternative) => {
    setSlot(slotOfAlternative(alternative, timeZone));
    void submit();
  };

  const startOver = () => {
    reset();
    setSubmitted(null);
    setFailure(null);
  };

  if (submitted) {
    return <Confirmation submitted={submitted} locale={locale} timeZone={timeZone} headingRef={doneRef} onAgain={startOver} />;
  }

  const busy = isSubmitting;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-8">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>

      <SlotPicker
        resources={resources}
        values={{ resourceId, date, startTime, duration }}
        fields={{ resourceId: resourceField, duration: register('duration') }}
        errors={{
          resourceId: message(errors.resourceId?.message),
          startTime: message(errors.startTime?.message),
          duration: message(errors.duration?.message),
        }}
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
            <CustomerFields
              register={register}
              errors={errors}
              capacity={resource?.capacity}
            />
            {/* The honeypot: off-screen and hidden from assistive technology; people never fill it in. */}
            <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
              <label>
                Website
                <input type="text" tabIndex={-1} autoComplete="off" {...register('website')} />
              </label>
            </div>

            {failure && (
              <div ref={failureRef} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none">
                <FailureNotice failure={failure} />
                {failure.alternatives && failure.alternatives.length > 0 && (
                  <SlotAlternatives
                    alternatives={failure.alternatives}
                    resources={resources}
                    timeZone={timeZone}
                    locale={locale}
                    disabled={busy}
                    onTake={take}
                  />
                )}
              </div>
            )}

            <div className="flex flex-col gap-2">
              <Button type="submit" size="lg" disabled={busy} className="w-full sm:w-auto sm:self-start">
                <CalendarCheckIcon aria-hidden />
                {busy ? t('form.submitting') : t('form.submit')}
              </Button>
              <p className="text-xs text-slate-600">{t('form.privacy')}</p>
            </div>
          </CardContent>
        </Card>
      </section>
    </form>
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

function Confirmation({
  submitted,
  locale,
  timeZone,
  headingRef,
  onAgain,
}: {
  submitted: Submitted;
  locale: AppLocale;
  timeZone: string;
  headingRef: Ref<HTMLHeadingElement>;
  onAgain: () => void;
}) {
  const t = useTranslations('book.done');
  const tStatus = useTranslations('status');
  const rows: [string, string][] = [
    [t('resource'), submitted.resourceName],
    [t('time'), formatRange(new Date(submitted.startAt), new Date(submitted.endAt), locale, timeZone)],
    [t('status'), tStatus(submitted.status)],
  ];
  return (
    <Card className="mx-auto w-full max-w-2xl border-green-200">
      <CardContent className="flex flex-col gap-5 pt-5 sm:pt-6">
        <div className="flex items-start gap-3">
          <CircleCheckIcon className="mt-0.5 size-7 shrink-0 text-green-700" aria-hidden />
          <div className="flex flex-col gap-1">
            <h2 ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900 focus:outline-none">
              {t('title')}
            </h2>
            <p className="text-slate-700">{t('reviewNext')}</p>
          </div>
        </div>
        <div className="rounded-lg bg-slate-50 p-4">
          <p className="text-sm text-slate-600">{t('reference')}</p>
          <p className="font-mono text-2xl font-semibold tracking-wide text-slate-900" data-testid="booking-reference">
            {submitted.reference}
          </p>
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
        <Alert variant="info">{t('emailed', { email: submitted.email })}</Alert>
        <Button variant="outline" onClick={onAgain} className="self-start">
          {t('again')}
        </Button>
      </CardContent>
    </Card>
  );
}
