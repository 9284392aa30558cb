'use client';

/**
 * Filing for a customer who phoned or wrote (代客登记), or a priority request (优先请求) that
 * asks admin to displace the staff booking holding the wanted time. The same schemas as the
 * server validate first (serviceDeskRequestSchema / priorityRequestSchema). A taken slot comes
 * back with ranked alternatives and the staff bookings holding it; one click turns the request
 * into a priority request against one of them.
 */
import { FilePlusIcon, ZapIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useState, type FormEvent } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import type { BookableResource } from '@/components/customer/bookable-resource';
import { CUSTOMER_FIELDS, CustomerFields, EMPTY_CUSTOMER, type CustomerFieldName } from '@/components/customer/customer-fields';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { SlotPicker } from '@/components/customer/slot-picker';
import { requestResolver, setSlotFields, slotFieldFor, slotInstants, slotOfAlternative, type SlotFormValues } from '@/components/customer/slot-values';
import { useFieldMessage } from '@/components/customer/use-field-message';
import { useRequestFocus } from '@/components/customer/use-request-focus';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { DayKind } from '@/lib/calendar/working-days';
import { priorityRequestSchema, serviceDeskRequestSchema } from '@/lib/customer/schemas';
import type { SlotAlternative } from '@/lib/forms/action-result';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { formatRange } from '@/lib/i18n/format';
import { cn } from '@/lib/utils';
import {
  fileCustomerRequestAction,
  filePriorityRequestAction,
  findBlockersAction,
  type DeskFileResult,
  type SlotBlocker,
} from './actions';

type Mode = 'normal' | 'priority';

interface FormValues extends SlotFormValues, Record<CustomerFieldName, string> {
  mode: Mode;
  channel: '' | 'phone' | 'email';
  originalMessage: string;
  importantCustomer: boolean;
  /** The customer's language: their e-mails are written in it. */
  locale: AppLocale;
  /** "Register without holding the slot" (product rule 2); the schema's holdsSlot is its negation. */
  withoutHold: boolean;
  displaceBookingId: string;
}

type Failure = Extract<DeskFileResult, { ok: false }>;

const OTHER_FIELDS = ['channel', 'originalMessage', 'displaceBookingId', 'locale'] as const;
const FOCUS_ORDER = ['channel', 'originalMessage', 'resourceId', 'date', 'startTime', 'duration', 'displaceBookingId', ...CUSTOMER_FIELDS] as const;

function fieldFor(key: string): keyof FormValues | null {
  if (key === 'startAt') return 'date';
  const slot = slotFieldFor(key);
  if (slot) return slot;
  return ([...CUSTOMER_FIELDS, ...OTHER_FIELDS] as readonly string[]).includes(key) ? (key as keyof FormValues) : null;
}

/** One request shape for both schemas: each takes its own keys (zod objects drop the rest). */
function toRequest(values: FormValues, timeZone: string) {
  return {
    ...slotInstants(values, timeZone),
    resourceId: values.resourceId,
    channel: values.channel,
    originalMessage: values.originalMessage,
    importantCustomer: values.importantCustomer,
    locale: values.locale,
    holdsSlot: !values.withoutHold,
    displaceBookingId: values.displaceBookingId,
    name: values.name,
    phone: values.phone,
    email: values.email,
    company: values.company,
    visitors: values.visitors,
    specialNeeds: values.specialNeeds,
  };
}

export function DeskRequestForm({
  resources,
  timeZone,
  earliestStartAt,
  lastDay,
  holidays,
}: {
  resources: BookableResource[];
  timeZone: string;
  earliestStartAt: string;
  lastDay: string;
  holidays: [string, DayKind][];
}) {
  const t = useTranslations('desk.new');
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const message = useFieldMessage();
  const router = useRouter();
  const holidayCalendar = useMemo(() => new Map(holidays), [holidays]);
  const resolver = useMemo((): Resolver<FormValues> => {
    const normal = requestResolver<FormValues, typeof serviceDeskRequestSchema>(
      serviceDeskRequestSchema,
      (v) => toRequest(v, timeZone),
      fieldFor,
    );
    const priority = requestResolver<FormValues, typeof priorityRequestSchema>(
      priorityRequestSchema,
      (v) => toRequest(v, timeZone),
      fieldFor,
    );
    return ((values, context, options) =>
      values.mode === 'priority' ? priority(values, context, options) : normal(values, context, options)) as Resolver<FormValues>;
  }, [timeZone]);
  const {
    register,
    handleSubmit,
    setValue,
    setError,
    setFocus,
    clearErrors,
    getValues,
    control,
    formState: { errors, isSubmitting, isSubmitted },
  } = useForm<FormValues>({
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
    defaultValues: {
      mode: 'normal',
      channel: '',
      originalMessage: '',
      importantCustomer: false,
      locale,
      withoutHold: false,
      displaceBookingId: '',
      resourceId: '',
      date: '',
      startTime: '',
      duration: '60',
      ...EMPTY_CUSTOMER,
    },
  });
  const [mode, resourceId, date, startTime, duration] = useWatch({
    control,
    name: ['mode', 'resourceId', 'date', 'startTime', 'duration'],
  });
  const [failure, setFailure] = useState<Failure | null>(null);
  const [blockers, setBlockers] = useState<{ list: SlotBlocker[]; error: string | null } | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { summaryRef, failureRef, showServerErrors, onInvalid } = useRequestFocus<keyof FormValues>({
    focusOrder: FOCUS_ORDER,
    fieldFor,
    setError,
    setFocus,
  });
  const resource = resources.find((r) => r.id === resourceId) ?? null;

  const setSlot = (slot: SlotFormValues) => {
    setSlotFields(setValue, slot, { shouldDirty: true, shouldValidate: isSubmitted });
    setBlockers(null);
  };

  const onPick = (day: string, clock: string) => {
    setSlot({ resourceId, date: day, startTime: clock, duration });
    setFailure(null);
    clearErrors(['date', 'startTime']);
  };

  // Sends what was typed (the server parses it again), not the schema's output: the mode decides
  // which action, and it is not part of either schema.
  const send = async () => {
    setFailure(null);
    const values = getValues();
    const request = toRequest(values, timeZone);
    const result = values.mode === 'priority' ? await filePriorityRequestAction(request) : await fileCustomerRequestAction(request);
    if (result.ok) {
      setLeaving(true);
      router.push(`/desk/bookings/${result.id}?filed=${values.mode}`);
      return;
    }
    setFailure(result);
    showServerErrors(result.fieldErrors);
  };

  // Built per call, not during render: the callbacks use refs (focus), which render must not read.
  const submit = (event?: FormEvent) => handleSubmit(send, onInvalid)(event);

  const take = (alternative: SlotAlternative) => {
    setSlot(slotOfAlternative(alternative, timeZone));
    void submit();
  };

  /** From the conflict shown: the same request, now asking admin to displace this booking. */
  const displace = (blocker: SlotBlocker) => {
    setValue('mode', 'priority');
    setValue('displaceBookingId', blocker.id);
    void submit();
  };

  const lookUpBlockers = async () => {
    const slot = slotInstants(getValues(), timeZone);
    if (!resourceId || !slot.startAt || !slot.endAt) {
      setBlockers({ list: [], error: t('priority.chooseSlotFirst') });
      return;
    }
    const result = await findBlockersAction({ resourceId, ...slot });
    setBlockers(result.ok ? { list: result.blockers, error: null } : { list: [], error: result.message });
  };

  const busy = isSubmitting || leaving;
  const when = (b: { startAt: string; endAt: string }) => formatRange(new Date(b.startAt), new Date(b.endAt), locale, timeZone);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-8">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-lg font-semibold text-slate-900">{t('modeHeading')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {(['normal', 'priority'] as const).map((value) => (
            <label
              key={value}
              className={cn(
                'flex cursor-pointer items-start gap-3 rounded-lg border bg-white p-3 text-sm shadow-sm',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600',
                mode === value ? 'border-blue-700 ring-1 ring-blue-700' : 'border-slate-200',
              )}
            >
              <input type="radio" value={value} className="mt-1 size-4 accent-blue-700" {...register('mode', { onChange: () => setFailure(null) })} />
              <span className="flex flex-col gap-0.5">
                <span className="font-semibold text-slate-900">{t(`mode.${value}`)}</span>
                <span className="text-slate-600">{t(`mode.${value}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <Card>
        <CardHeader>
          <CardTitle as="h2">{t('sourceHeading')}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <fieldset className="flex flex-col gap-1.5" aria-describedby={errors.channel ? 'channel-error' : undefined}>
            <legend className="text-sm font-medium text-slate-800">
              {t('channel')}
              <span className="ml-0.5 text-red-700" aria-hidden>
                *
              </span>
            </legend>
            <div className="flex flex-wrap gap-x-6">
              {(['phone', 'email'] as const).map((value) => (
                <label key={value} className="flex min-h-10 items-center gap-2 text-sm">
                  <input
                    type="radio"
                    value={value}
                    className="size-4 accent-blue-700"
                    {...register('channel')}
                  />
                  {t(`channels.${value}`)}
                </label>
              ))}
            </div>
            {errors.channel && (
              <p id="channel-error" className="text-sm font-medium text-red-700">
                {message(errors.channel.message)}
              </p>
            )}
          </fieldset>
          <FormField label={t('originalMessage')} error={message(errors.originalMessage?.message)} description={t('originalMessageHint')}>
            <Textarea rows={5} maxLength={5000} {...register('originalMessage')} />
          </FormField>
        </CardContent>
      </Card>

      <SlotPicker
        resources={resources}
        values={{ resourceId, date, startTime, duration }}
        fields={{
          resourceId: register('resourceId', { onChange: () => setBlockers(null) }),
          duration: register('duration', { onChange: () => setBlockers(null) }),
          date: register('date', { onChange: () => setBlockers(null) }),
          startTime: register('startTime', { onChange: () => setBlockers(null) }),
        }}
        errors={{
          resourceId: message(errors.resourceId?.message),
          date: message(errors.date?.message),
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

      {mode === 'normal' ? (
        <label className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-blue-700" {...register('withoutHold')} />
          <span className="flex flex-col gap-0.5">
            <span className="font-medium text-slate-900">{t('withoutHold')}</span>
            <span className="text-slate-600">{t('withoutHoldHint')}</span>
          </span>
        </label>
      ) : (
        <section aria-labelledby="priority-heading" className="flex flex-col gap-3 rounded-lg border border-red-200 bg-red-50/40 p-4">
          <div className="flex flex-col gap-1">
            <h2 id="priority-heading" className="text-lg font-semibold text-slate-900">
              {t('priority.heading')}
            </h2>
            <p className="text-sm text-slate-700">{t('priority.intro')}</p>
          </div>
          <Button variant="outline" className="self-start" onClick={() => void lookUpBlockers()}>
            {t('priority.find')}
          </Button>
          {blockers?.error && <Alert variant="warning">{blockers.error}</Alert>}
          {blockers && !blockers.error && blockers.list.length === 0 && <p className="text-sm text-slate-700">{t('priority.none')}</p>}
          {blockers && blockers.list.length > 0 && (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium text-slate-900">{t('priority.pick')}</legend>
              {blockers.list.map((b) => (
                <label key={b.id} className="flex items-start gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
                  <input type="radio" value={b.id} className="mt-1 size-4 accent-blue-700" {...register('displaceBookingId')} />
                  <BlockerText blocker={b} when={when(b)} />
                </label>
              ))}
            </fieldset>
          )}
          {errors.displaceBookingId && (
            <p className="text-sm font-medium text-red-700" role="alert">
              {message(errors.displaceBookingId.message)}
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="customer-heading" className="flex flex-col gap-3">
        <h2 id="customer-heading" className="text-lg font-semibold text-slate-900">
          {t('customerHeading')}
        </h2>
        <Card>
          <CardContent className="flex flex-col gap-5 pt-4 sm:pt-5">
            <CustomerFields
              register={register}
              errors={errors}
              capacity={resource?.capacity}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-4 accent-blue-700" {...register('importantCustomer')} />
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium text-slate-900">{t('importantCustomer')}</span>
                  <span className="text-slate-600">{t('importantCustomerHint')}</span>
                </span>
              </label>
              <FormField label={t('customerLocale')} error={message(errors.locale?.message)}>
                {(controlProps) => (
                  <select {...controlProps} {...register('locale')} className={cn(fieldClasses, 'h-10 py-2')}>
                    <option value="zh">中文</option>
                    <option value="en">English</option>
                  </select>
                )}
              </FormField>
            </div>

            {failure && (
              <div ref={failureRef} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none">
                <Alert variant="error" title={t('refused')}>
                  {failure.message}
                </Alert>
                {mode === 'normal' && failure.blockers && failure.blockers.length > 0 && (
                  <section aria-labelledby="blockers-heading" className="flex flex-col gap-2">
                    <h3 id="blockers-heading" className="text-base font-semibold text-slate-900">
                      {t('priority.blockersHeading')}
                    </h3>
                    <p className="text-sm text-slate-600">{t('priority.blockersIntro')}</p>
                    <ul className="flex flex-col gap-2">
                      {failure.blockers.map((b) => (
                        <li
                          key={b.id}
                          className="flex flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm sm:flex-row sm:items-center sm:justify-between"
                        >
                          <BlockerText blocker={b} when={when(b)} />
                          <Button variant="outline" size="sm" disabled={busy} onClick={() => displace(b)}>
                            <ZapIcon aria-hidden />
                            {t('priority.displaceThis')}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
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

            <Button type="submit" size="lg" disabled={busy} className="w-full sm:w-auto sm:self-start">
              {mode === 'priority' ? <ZapIcon aria-hidden /> : <FilePlusIcon aria-hidden />}
              {busy ? t('submitting') : mode === 'priority' ? t('submitPriority') : t('submit')}
            </Button>
          </CardContent>
        </Card>
      </section>
    </form>
  );
}

function BlockerText({ blocker, when }: { blocker: SlotBlocker; when: string }) {
  const t = useTranslations('desk.new.priority');
  return (
    <span className="flex min-w-0 flex-col gap-1">
      <span className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{when}</span>
        <StatusBadge status={blocker.status} />
      </span>
      <span className="text-slate-600">{blocker.purpose ? t('purpose', { purpose: blocker.purpose }) : t('internal')}</span>
    </span>
  );
}
