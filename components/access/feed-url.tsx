'use client';

/** One subscribable calendar: its secret address to copy, and a button for a new address. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionResult } from '@/lib/forms/action-result';
import { CopyField } from './copy-field';

type RegenerateAction = (previous: ActionResult<{ url: string }> | null, form: FormData) => Promise<ActionResult<{ url: string }>>;

export function FeedUrl({
  title,
  help,
  url,
  resourceId,
  regenerate,
}: {
  title: string;
  help: string;
  url: string;
  /** A resource's feed; without it, the personal one. */
  resourceId?: string;
  regenerate: RegenerateAction;
}) {
  const t = useTranslations('access.feeds');
  const [state, action] = useActionState(regenerate, null);
  const current = state?.ok ? state.data.url : url;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="text-sm text-slate-600">{help}</p>
      <CopyField label={t('urlLabel')} value={current} />
      <ActionStatus result={state} />
      <form action={action} className="flex flex-col gap-1 sm:flex-row sm:items-center sm:gap-3">
        <input type="hidden" name="kind" value={resourceId ? 'resource' : 'personal'} />
        {resourceId && <input type="hidden" name="resourceId" value={resourceId} />}
        <SubmitButton variant="outline" size="sm" pendingLabel={t('regenerating')}>
          {t('regenerate')}
        </SubmitButton>
        <span className="text-xs text-slate-600">{t('regenerateHint')}</span>
      </form>
    </section>
  );
}
