'use client';

/** An admin's morning digest opt-in: one checkbox and a save button; the answer shows as a toast. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus, useActionToast } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import type { ActionResult } from '@/lib/forms/action-result';

type SaveAction = (previous: ActionResult<{ on: boolean }> | null, form: FormData) => Promise<ActionResult<{ on: boolean }>>;

export function DailyDigestForm({ on, time, save }: { on: boolean; time: string; save: SaveAction }) {
  const t = useTranslations('digest');
  const [state, action] = useActionState(save, null);
  useActionToast(state);
  const checked = state?.ok ? state.data.on : on;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="daily-digest">
      <h2 id="daily-digest" className="text-base font-semibold text-slate-900">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('help', { time })}</p>
      <ActionStatus result={state} success="toast" />
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-center sm:gap-4">
        {/* Re-mount with the saved value, so the box shows what is stored. */}
        <label key={String(checked)} className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="dailyDigest" defaultChecked={checked} className="size-4 shrink-0 accent-blue-700" />
          {t('label', { time })}
        </label>
        <SubmitButton variant="outline" size="sm" className="sm:ml-auto">
          {t('save')}
        </SubmitButton>
      </form>
    </section>
  );
}
