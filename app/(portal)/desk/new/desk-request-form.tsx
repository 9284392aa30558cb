'use client';

/**
 * Filing for a customer who phoned or wrote (代客登记), or a priority request (优先请求) that
 * asks admin to displace the staff booking holding the wanted time. The shared request-form
 * controller checks it with the server's schema for the mode (serviceDeskRequestSchema /
 * priorityRequestSchema). A taken slot comes back with ranked alternatives, and the staff
 * bookings holding it are looked up: one click turns the request into a priority request.
 */
import { FilePlusIcon, ZapIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useRequestForm } from '@/components/booking/use-request-form';
import type { BookableResource } from '@/components/customer/bookable-resource';
import { CUSTOMER_FIELDS, CustomerFields, EMPTY_CUSTOMER, type CustomerFieldName } from '@/components/customer/customer-fields';
import { SlotAlternatives } from '@/components/customer/slot-alternatives';
import { SlotPicker, type SlotFormValues } from '@/components/customer/slot-picker';
import { BlockerOffer, BlockerPicker, useBlockers, type SlotBlocker } from '@/components/desk/displaceable-bookings';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { DayKind } from '@/lib/calendar/working-days';
import { priorityRequestSchema, serviceDeskRequestSchema } from '@/lib/customer/schemas';
import { durationSlot } from '@/lib/forms/slot-fields';
import { isLocale, type AppLocale } from '@/lib/i18n/config';
import { cn } from '@/lib/utils';
import { fileCustomerRequestAction, filePriorityRequestAction, findBlockersAction } from './actions';

type Mode = 'normal' | 'priority';

type FormValues = SlotFormValues &
  Record<CustomerFieldName, string> & {
    mode: Mode;
    channel: '' | 'phone' | 'email';
    originalMessage: string;
    importantCustomer: boolean;
    /** The customer's language: their e-mails are written in it. */
    locale: AppLocale;
    /** "Register without holding the slot" (product rule 2); the schema's holdsSlot is its negation. */
    withoutHold: boolean;
    displaceBookingId: string;
  };

const FOCUS_ORDER = ['channel', 'originalMessage', 'resourceId', 'date', 'startTime', 'duration', 'displaceBookingId', ...CUSTOMER_FIELDS] as const;

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
  const tErrors = useTranslations('errors');
  const localeValue = useLocale();
  const locale: AppLocale = isLocale(localeValue) ? localeValue : 'zh';
  const router = useRouter();
  const holidayCalendar = useMemo(() => new Map(holidays), [holidays]);
  const { blockers, lookUp, clear: clearBlockers } = useBlockers(findBlockersAction);
  const offered = useBlockers(findBlockersAction);
  const resourceOf = (id: string) => resources.find((r) => r.id === id) ?? null;

  const { form, failure, offers, busy, submit, setSlot, resourceField, request, clearFailure, summaryRef, failureRef } = useRequestForm({
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
    } as FormValues,
    slot: durationSlot,
    timeZone,
    schema: (values) => (values.mode === 'priority' ? priorityRequestSchema : serviceDeskRequestSchema),
    // One request for both schemas: each takes its own keys (zod objects drop the rest).
    toRequest: (values, request) => ({ ...request, holdsSlot: !values.withoutHold }),
    check: ({ resourceId, visitors }) => {
      const capacity = resourceOf(resourceId)?.capacity;
      return capacity !== undefined && Number(visitors) > capacity ? { visitors: tErrors('over_capacity', { capacity }) } : {};
    },
    fieldOf: { over_capacity: 'visitors' },
    focusOrder: FOCUS_ORDER,
    send: async (request, values) => {
      offered.clear();
      const result = values.mode === 'priority' ? await filePriorityRequestAction(request) : await fileCustomerRequestAction(request);
      // A taken slot: the staff bookings holding it could be displaced instead.
      if (!result.ok && result.code === 'slot_taken' && values.mode === 'normal') {
        await offered.lookUp({ resourceId: values.resourceId, ...durationSlot.instants(values, timeZone) }, '');
      }
      return result;
    },
    onSuccess: (data, values) => router.push(`/desk/bookings/${data.id}?filed=${values.mode}`),
  });
  const {
    register,
    formState: { errors },
  } = form;
  const [mode, resourceId, date, startTime, duration] = useWatch({
    control: form.control,
    name: ['mode', 'resourceId', 'date', 'startTime', 'duration'],
  });
  const slotChanged = { onChange: clearBlockers };

  /** From the conflict shown: the same request, now asking admin to displace this booking. */
  const displace = (blocker: SlotBlocker) => {
    form.setValue('mode', 'priority');
    form.setValue('displaceBookingId', blocker.id);
    void submit();
  };

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
              <input type="radio" value={value} className="mt-1 size-4 accent-blue-700" {...register('mode', { onChange: clearFailure })} />
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
                  <input type="radio" value={value} className="size-4 accent-blue-700" {...register('channel')} />
                  {t(`channels.${value}`)}
                </label>
              ))}
            </div>
            {errors.channel && (
              <p id="channel-error" className="text-sm font-medium text-red-700">
                {errors.channel.message}
              </p>
            )}
          </fieldset>
          <FormField label={t('originalMessage')} error={errors.originalMessage?.message} description={t('originalMessageHint')}>
            <Textarea rows={5} maxLength={5000} {...register('originalMessage')} />
          </FormField>
        </CardContent>
      </Card>

      <SlotPicker
        resources={resources}
        values={{ resourceId, date, startTime, duration }}
        fields={{
          resourceId: {
            ...resourceField,
            onChange: (event) => {
              clearBlockers();
              return resourceField.onChange(event);
            },
          },
          duration: register('duration', slotChanged),
          date: register('date', slotChanged),
          startTime: register('startTime', slotChanged),
        }}
        errors={{
          resourceId: errors.resourceId?.message,
          date: errors.date?.message,
          startTime: errors.startTime?.message,
          duration: errors.duration?.message,
        }}
        onPick={(day, clock) => {
          setSlot({ date: day, startTime: clock });
          clearBlockers();
          form.clearErrors(['date', 'startTime']);
        }}
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
        <BlockerPicker
          blockers={blockers}
          onLookUp={() => {
            const { resourceId: wanted, startAt, endAt } = request() as { resourceId: string; startAt: string; endAt: string };
            void lookUp({ resourceId: wanted, startAt, endAt }, t('priority.chooseSlotFirst'));
          }}
          field={register('displaceBookingId')}
          error={errors.displaceBookingId?.message}
          timeZone={timeZone}
        />
      )}

      <section aria-labelledby="customer-heading" className="flex flex-col gap-3">
        <h2 id="customer-heading" className="text-lg font-semibold text-slate-900">
          {t('customerHeading')}
        </h2>
        <Card>
          <CardContent className="flex flex-col gap-5 pt-4 sm:pt-5">
            <CustomerFields register={register} errors={errors} capacity={resourceOf(resourceId)?.capacity} />
            <div className="grid gap-4 sm:grid-cols-2">
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-4 accent-blue-700" {...register('importantCustomer')} />
                <span className="flex flex-col gap-0.5">
                  <span className="font-medium text-slate-900">{t('importantCustomer')}</span>
                  <span className="text-slate-600">{t('importantCustomerHint')}</span>
                </span>
              </label>
              <FormField label={t('customerLocale')} error={errors.locale?.message}>
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
                {mode === 'normal' && offered.blockers && (
                  <BlockerOffer blockers={offered.blockers.list} onDisplace={displace} disabled={busy} timeZone={timeZone} />
                )}
                {offers && <SlotAlternatives {...offers} resources={resources} />}
              </div>
            )}

            <SubmitButton size="lg" pending={busy} pendingLabel={t('submitting')} className="w-full sm:w-auto sm:self-start">
              {mode === 'priority' ? <ZapIcon aria-hidden /> : <FilePlusIcon aria-hidden />}
              {mode === 'priority' ? t('submitPriority') : t('submit')}
            </SubmitButton>
          </CardContent>
        </Card>
      </section>
    </form>
  );
}
