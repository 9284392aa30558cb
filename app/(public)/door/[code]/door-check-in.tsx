'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { doorCheckInAction } from './actions';

/** The big check-in button of the door page: thumb-sized, one tap. */
export function DoorCheckIn({ bookingId, code }: { bookingId: string; code: string }) {
  const t = useTranslations('visit');
  const [state, action] = useActionState(doorCheckInAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="code" value={code} />
      <ActionStatus result={state} />
      <SubmitButton size="lg" className="h-14 w-full text-lg" pendingLabel={t('sending')}>
        {t('door.checkIn')}
      </SubmitButton>
    </form>
  );
}
