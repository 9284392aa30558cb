'use client';

/**
 * Every policy value in one form. react-hook-form checks it with the same zod schema as the
 * server (policySettingsSchema) and shows errors on the field; the server checks again and its
 * field errors are shown the same way. Without JavaScript the form still posts to the action.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useActionState, useRef, useTransition, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { useFieldMessage } from '@/components/forms/use-field-message';
import { Alert } from '@/components/ui/alert';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import {
  policySettingsSchema,
  SETTINGS_BOUNDS,
  type NumericSetting,
  type PolicySettingsInput,
  type PolicySettingsValues,
} from '@/lib/admin/settings-schema';
import { fieldError } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { updateSettingsAction } from './actions';

export type SettingsFormValues = Record<NumericSetting, string> & {
  timeZone: string;
  defaultLocale: 'zh' | 'en';
  serviceMailbox: string;
};

/** The groups of the page and the unit each number is in. */
const GROUPS: { key: string; fields: [NumericSetting, 'days' | 'workingDays' | 'hours' | 'minutes' | 'requests'][] }[] = [
  {
    key: 'requests',
    fields: [
      ['staffLeadWorkingDays', 'workingDays'],
      ['customerMinNoticeHours', 'hours'],
      ['bookingHorizonDays', 'days'],
      ['seriesHorizonDays', 'days'],
      ['customerMaxOpenRequests', 'requests'],
    ],
  },
  {
    key: 'confirmation',
    fields: [
      ['confirmWindowHours', 'hours'],
      ['confirmationReminderHours', 'hours'],
      ['changeNoticeHours', 'hours'],
    ],
  },
  {
    key: 'use',
    fields: [
      ['checkInOpensMinutes', 'minutes'],
      ['noShowGraceMinutes', 'minutes'],
      ['visitReminderHours', 'hours'],
      ['followUpSurveyHours', 'hours'],
    ],
  },
];

export function SettingsForm({ defaults, timeZones }: { defaults: SettingsFormValues; timeZones: string[] }) {
  const t = useTranslations('settings');
  const message = useFieldMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, formAction, saving] = useActionState(updateSettingsAction, null);
  const [submitting, startSubmit] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PolicySettingsInput, unknown, PolicySettingsValues>({
    resolver: zodResolver(policySettingsSchema),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  // Each control also gets its `defaultValue`, so the server's HTML shows the values before
  // (and without) JavaScript; react-hook-form only fills registered fields once hydrated.
  const busy = saving || submitting;

  // Client errors first (they are current: message paths, shown with the field's bounds); the
  // server's (already in words) apply when the browser found none.
  const errorFor = (name: keyof SettingsFormValues): string | undefined => {
    const key = errors[name]?.message as string | undefined;
    if (!key) return fieldError(state, name);
    const bounds = name in SETTINGS_BOUNDS ? SETTINGS_BOUNDS[name as NumericSetting] : { min: 0, max: 0 };
    return message(key, bounds);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void handleSubmit(() => {
      const data = new FormData(formRef.current!);
      startSubmit(() => formAction(data));
    })(event);
  };

  const browserErrors = Object.keys(errors).length > 0;

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {browserErrors ? <Alert variant="error">{t('checkFields')}</Alert> : <ActionStatus result={state} />}

      {GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
          <legend className="px-1 text-base font-semibold">{t(`groups.${group.key}`)}</legend>
          <div className="grid gap-5 md:grid-cols-2">
            {group.fields.map(([name, unit]) => (
              <FormField
                key={name}
                label={t(`fields.${name}.label`)}
                description={t(`fields.${name}.help`, SETTINGS_BOUNDS[name])}
                error={errorFor(name)}
                required
              >
                {(control) => (
                  <div className="flex items-center gap-2">
                    <Input
                      {...control}
                      {...register(name)}
                      defaultValue={defaults[name]}
                      type="number"
                      inputMode="numeric"
                      min={SETTINGS_BOUNDS[name].min}
                      max={SETTINGS_BOUNDS[name].max}
                      step={1}
                      className="w-28"
                    />
                    <span className="text-sm text-slate-600">{t(`units.${unit}`)}</span>
                  </div>
                )}
              </FormField>
            ))}
          </div>
        </fieldset>
      ))}

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">{t('groups.organisation')}</legend>
        <div className="grid gap-5 md:grid-cols-2">
          <FormField label={t('fields.timeZone.label')} description={t('fields.timeZone.help')} error={errorFor('timeZone')} required>
            {(control) => (
              <select {...control} {...register('timeZone')} defaultValue={defaults.timeZone} className={cn(fieldClasses, 'h-10 py-2')}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            label={t('fields.defaultLocale.label')}
            description={t('fields.defaultLocale.help')}
            error={errorFor('defaultLocale')}
            required
          >
            {(control) => (
              <select {...control} {...register('defaultLocale')} defaultValue={defaults.defaultLocale} className={cn(fieldClasses, 'h-10 py-2')}>
                <option value="zh">简体中文</option>
                <option value="en">English</option>
              </select>
            )}
          </FormField>
          <FormField
            label={t('fields.serviceMailbox.label')}
            description={t('fields.serviceMailbox.help')}
            error={errorFor('serviceMailbox')}
            required
            className="md:col-span-2"
          >
            {(control) => (
              <Input {...control} {...register('serviceMailbox')} defaultValue={defaults.serviceMailbox} type="email" autoComplete="off" spellCheck={false} maxLength={254} />
            )}
          </FormField>
        </div>
      </fieldset>

      <div>
        <SubmitButton size="lg" pending={busy} pendingLabel={t('saving')} className="w-full sm:w-auto">
          {t('save')}
        </SubmitButton>
      </div>
    </form>
  );
}
