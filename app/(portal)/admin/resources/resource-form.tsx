'use client';

/**
 * The resource editor: adds a resource or edits one. A plain form posted to its action (it works
 * before JavaScript loads); the server checks every value. When new hours or buffers leave
 * booked uses outside them, nothing is saved: the bookings are listed and admin either changes
 * the values or ticks "keep these bookings" and saves again.
 */
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { AppLocale } from '@/lib/i18n/config';
import { fieldError } from '@/lib/forms/action-result';
import { formatRange } from '@/lib/i18n/format';
import { RESOURCE_BOUNDS } from '@/lib/resources/resource-schema';
import { cn } from '@/lib/utils';
import { saveResourceAction } from './actions';

/** The editor's values as text, the way the form shows them. */
export interface ResourceFormValues {
  code: string;
  nameZh: string;
  nameEn: string;
  typeId: string;
  location: string;
  locationEn: string;
  capacity: string;
  opensAt: string;
  closesAt: string;
  workingDaysOnly: boolean;
  setupBufferMinutes: string;
  cleanupBufferMinutes: string;
  maxDurationMinutes: string;
  customerBookable: boolean;
  requiresCheckIn: boolean;
  facilities: string;
  checklist: string;
  notesZh: string;
  notesEn: string;
  responsibleName: string;
  assetNumber: string;
  model: string;
}

type TextField = { [K in keyof ResourceFormValues]: ResourceFormValues[K] extends string ? K : never }[keyof ResourceFormValues];
type FlagField = Exclude<keyof ResourceFormValues, TextField>;

export function ResourceForm({
  id,
  defaults,
  types,
  locale,
  timeZone,
}: {
  id?: string;
  defaults: ResourceFormValues;
  types: { id: string; name: string }[];
  locale: AppLocale;
  timeZone: string;
}) {
  const t = useTranslations('resourceAdmin.form');
  const [state, action] = useActionState(saveResourceAction, null);
  const misfits = state?.ok && !state.data.saved ? state.data.misfits : [];
  // After a refusal or a list of bookings that no longer fit, the form shows what was sent.
  const sent = state ? (state.ok ? state.data.sent : state.values) : undefined;
  const value = (name: TextField | 'note') => sent?.[name] ?? (name === 'note' ? '' : defaults[name]);
  // A box left unticked is absent from what was sent.
  const checked = (name: FlagField) => (sent && Object.keys(sent).length > 0 ? sent[name] === 'on' : defaults[name]);
  const error = (name: string) => fieldError(state, name);
  // A new `key` after each answer redraws the fields with what the answer says they hold.
  const formKey = JSON.stringify(sent ?? null);

  const text = (name: TextField, props: { required?: boolean; lang?: string; description?: ReactNode; className?: string; maxLength?: number } = {}) => (
    <FormField label={t(`fields.${name}`)} required={props.required} error={error(name)} description={props.description} className={props.className}>
      <Input name={name} defaultValue={value(name)} required={props.required} lang={props.lang} maxLength={props.maxLength ?? 100} />
    </FormField>
  );
  const number = (name: keyof typeof RESOURCE_BOUNDS & TextField, unit?: string) => (
    <FormField label={t(`fields.${name}`)} required error={error(name)} description={t('bounds', { ...RESOURCE_BOUNDS[name], unit: unit ?? '' })}>
      <Input name={name} type="number" inputMode="numeric" min={RESOURCE_BOUNDS[name].min} max={RESOURCE_BOUNDS[name].max} required defaultValue={value(name)} />
    </FormField>
  );
  const flag = (name: FlagField) => (
    <label className="flex min-h-10 items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={checked(name)} className="size-5 accent-blue-700" />
      {t(`fields.${name}`)}
    </label>
  );

  return (
    <form key={formKey} action={action} className="flex flex-col gap-6" noValidate>
      {id && <input type="hidden" name="id" value={id} />}
      <ActionStatus result={state} />
      {misfits.length > 0 && (
        <Alert variant="warning" title={t('misfits.title', { count: misfits.length })}>
          <p className="mb-2">{t('misfits.intro')}</p>
          <ul className="mb-3 flex flex-col gap-1">
            {misfits.map((m) => (
              <li key={m.id}>
                <Link href={`/admin/review/${m.id}`} className="font-mono font-medium text-blue-700 underline-offset-4 hover:underline">
                  {m.reference}
                </Link>{' '}
                {formatRange(new Date(m.startAt), new Date(m.endAt), locale, timeZone)} · {m.contactName} ·{' '}
                {m.reasons.map((r) => t(`misfits.reason.${r}`)).join(t('misfits.separator'))}
              </li>
            ))}
          </ul>
          <label className="flex min-h-10 items-center gap-2 font-medium">
            <input type="checkbox" name="keepBookings" className="size-5 accent-blue-700" />
            {t('misfits.keep')}
          </label>
        </Alert>
      )}

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">{t('groups.identity')}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          {text('code', { required: true, description: t('codeHint'), maxLength: 32 })}
          <FormField label={t('fields.typeId')} required error={error('typeId')}>
            <select name="typeId" required defaultValue={value('typeId')} className={cn(fieldClasses, 'h-10 py-2')}>
              <option value="">{t('choose')}</option>
              {types.map((type) => (
                <option key={type.id} value={type.id}>
                  {type.name}
                </option>
              ))}
            </select>
          </FormField>
          {text('nameZh', { required: true, lang: 'zh-CN' })}
          {text('nameEn', { required: true, lang: 'en' })}
          {text('location', { required: true, lang: 'zh-CN', maxLength: 200 })}
          {text('locationEn', { lang: 'en', maxLength: 200, description: t('englishFallback') })}
          {number('capacity', t('units.people'))}
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">{t('groups.schedule')}</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <FormField label={t('fields.opensAt')} required error={error('opensAt')}>
            <Input name="opensAt" type="time" required defaultValue={value('opensAt')} />
          </FormField>
          <FormField label={t('fields.closesAt')} required error={error('closesAt')}>
            <Input name="closesAt" type="time" required defaultValue={value('closesAt')} />
          </FormField>
          {number('setupBufferMinutes', t('units.minutes'))}
          {number('cleanupBufferMinutes', t('units.minutes'))}
          {number('maxDurationMinutes', t('units.minutes'))}
          <div className="flex flex-col justify-end">{flag('workingDaysOnly')}</div>
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">{t('groups.use')}</legend>
        <div className="flex flex-col gap-1">
          {flag('customerBookable')}
          <p className="text-sm text-slate-600">{t('staffAlways')}</p>
          {flag('requiresCheckIn')}
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          <FormField label={t('fields.facilities')} error={error('facilities')} description={t('pairHint')}>
            <Textarea name="facilities" defaultValue={value('facilities')} rows={4} />
          </FormField>
          <FormField label={t('fields.checklist')} error={error('checklist')} description={t('pairHint')}>
            <Textarea name="checklist" defaultValue={value('checklist')} rows={4} />
          </FormField>
          <FormField label={t('fields.notesZh')} error={error('notesZh')}>
            <Textarea name="notesZh" lang="zh-CN" defaultValue={value('notesZh')} rows={3} maxLength={2000} />
          </FormField>
          <FormField label={t('fields.notesEn')} error={error('notesEn')}>
            <Textarea name="notesEn" lang="en" defaultValue={value('notesEn')} rows={3} maxLength={2000} />
          </FormField>
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
        <legend className="px-1 text-base font-semibold">{t('groups.ledger')}</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {text('responsibleName')}
          {text('assetNumber')}
          {text('model')}
        </div>
        {id && (
          <FormField label={t('fields.note')} error={error('note')} description={t('noteHint')} className="mt-4">
            <Input name="note" maxLength={500} defaultValue={value('note')} />
          </FormField>
        )}
      </fieldset>

      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel={t('saving')}>{id ? t('save') : t('create')}</SubmitButton>
        <Button asChild variant="outline">
          <Link href={id ? `/admin/resources/${id}` : '/admin/resources'}>{t('cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
