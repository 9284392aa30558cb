'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import type { ChannelView } from '@/lib/notices/channels';
import { cn } from '@/lib/utils';
import { saveChannelAction } from './actions';

/**
 * Adds a channel, or edits `editing`. The webhook address and the signing secret are never sent
 * to the browser: on an edit both fields start blank, and blank keeps what is stored.
 */
export function ChannelForm({ editing, kinds, events }: { editing?: ChannelView; kinds: readonly string[]; events: readonly string[] }) {
  const t = useTranslations('channels');
  const [state, action] = useActionState(saveChannelAction, null);
  const typedEvents = typedValue(state, 'events');
  const chosen = new Set(typedEvents !== undefined ? typedEvents.split(',') : (editing?.events ?? ['request_submitted', 'customer_request']));
  const eventsError = fieldError(state, 'events');
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {editing && <input type="hidden" name="id" value={editing.id} />}
      <ActionStatus result={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label={t('form.kind')} required error={fieldError(state, 'kind')}>
          <select name="kind" required defaultValue={typedValue(state, 'kind') ?? editing?.kind ?? 'wecom'} className={cn(fieldClasses, 'h-10 py-2')}>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('form.name')} required error={fieldError(state, 'name')} description={t('form.nameHint')}>
          <Input name="name" required maxLength={80} defaultValue={typedValue(state, 'name') ?? editing?.name} />
        </FormField>
        <FormField
          label={t('form.webhookUrl')}
          required={!editing}
          error={fieldError(state, 'webhookUrl')}
          description={editing ? t('form.webhookUrlKeep', { host: editing.webhookHost }) : t('form.webhookUrlHint')}
          className="sm:col-span-2"
        >
          <Input name="webhookUrl" type="url" inputMode="url" autoComplete="off" spellCheck={false} required={!editing} maxLength={1000} placeholder="https://" />
        </FormField>
        <FormField
          label={t('form.secret')}
          error={fieldError(state, 'secret')}
          description={editing?.hasSecret ? t('form.secretKeep') : t('form.secretHint')}
          className="sm:col-span-2"
        >
          <Input name="secret" type="password" autoComplete="new-password" spellCheck={false} maxLength={200} />
        </FormField>
        {editing?.hasSecret && (
          <label className="flex items-start gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="removeSecret" className="mt-0.5 size-4 shrink-0 accent-blue-700" />
            <span>{t('form.removeSecret')}</span>
          </label>
        )}
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby={eventsError ? 'channel-events-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">{t('form.events')}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {events.map((event) => (
            <label
              key={event}
              className="flex min-h-10 items-center gap-2 rounded-md border border-slate-200 px-3 text-sm has-checked:border-blue-600 has-checked:bg-blue-50"
            >
              <input type="checkbox" name="events" value={event} defaultChecked={chosen.has(event)} className="size-4 shrink-0 accent-blue-700" />
              {t(`event.${event}`)}
            </label>
          ))}
        </div>
        {eventsError && (
          <p id="channel-events-error" className="text-sm font-medium text-red-700">
            {eventsError}
          </p>
        )}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <SubmitButton>{editing ? t('form.save') : t('form.add')}</SubmitButton>
        {editing && (
          <Button asChild variant="outline">
            <Link href="/admin/channels">{t('form.cancel')}</Link>
          </Button>
        )}
      </div>
    </form>
  );
}
