'use client';

/**
 * Offered where a wanted slot is taken: wait for it instead. The earliest waiter is e-mailed
 * once when the time frees up (lib/waitlist/notify.ts).
 */
import { BellPlusIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/forms/action-result';

export type WaitlistSlot = {
  resourceId: string;
  startAt: string;
  endAt: string;
};

/** `join`: the server action (app/actions/waitlist.ts), passed in by the page. */
export function JoinWaitlistButton({ join: joinAction, ...slot }: WaitlistSlot & { join: (slot: WaitlistSlot) => Promise<ActionResult<unknown>> }) {
  const t = useTranslations('waitlist');
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const join = () => startTransition(async () => setResult(await joinAction(slot)));
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700">{t('offer')}</p>
      <div>
        <Button type="button" variant="outline" onClick={join} disabled={pending || result?.ok === true}>
          <BellPlusIcon aria-hidden />
          {pending ? t('joining') : t('join')}
        </Button>
      </div>
      <ActionStatus result={result} />
    </div>
  );
}
