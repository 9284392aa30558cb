'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { removeHolidayAction } from './actions';

/** Remove a day, after asking: the working-day rules change at once. */
export function RemoveHoliday({ date, name }: { date: string; name: string }) {
  const t = useTranslations('holidays');
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(removeHolidayAction, null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50 hover:text-red-800" aria-label={t('removeLabel', { date, name })}>
          {t('remove')}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t('removeConfirm.title', { date, name })}</DialogTitle>
          <DialogDescription>{t('removeConfirm.description')}</DialogDescription>
        </DialogHeader>
        <form action={action} className="flex flex-col gap-4">
          <input type="hidden" name="date" value={date} />
          <ActionStatus result={state} />
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('removeConfirm.keep')}
            </Button>
            <SubmitButton variant="destructive">{t('removeConfirm.submit')}</SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
