'use client';

/**
 * What the applicant can do with the booking in its current status. The page only shows the
 * forms that fit; the domain functions behind the actions decide. Each form names the booking
 * in a hidden field and shows its action running and the refusal, if any.
 */
import { useTranslations } from 'next-intl';
import { useActionState, useState, type ReactNode } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { cancelAction, confirmAction, declineAction, supplementAction } from './actions';

type Current = { purpose: string; attendees: number | null; phone: string; specialNeeds: string };

export function SupplementForm({ bookingId, current }: { bookingId: string; current: Current }) {
  const t = useTranslations('booking');
  const [state, action] = useActionState(supplementAction, null);
  const typed = (name: string) => typedValue(state, name);
  const changed = ['purpose', 'attendees', 'phone', 'specialNeeds'].some((name) => typed(name));
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="bookingId" value={bookingId} />
      <ActionStatus result={state} />
      <FormField label={t('detail.supplement.message')} required error={fieldError(state, 'message')}>
        <Textarea name="message" rows={4} maxLength={2000} required defaultValue={typed('message')} />
      </FormField>
      <details className="rounded-md border border-slate-200 p-3" open={changed || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t('detail.supplement.changeFields')}</summary>
        <p className="mt-2 text-sm text-slate-600">{t('detail.supplement.changeFieldsHint')}</p>
        <div className="mt-3 flex flex-col gap-4">
          <FormField label={t('fields.purpose')} error={fieldError(state, 'purpose')}>
            <Textarea name="purpose" rows={2} maxLength={500} placeholder={current.purpose} defaultValue={typed('purpose')} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t('fields.attendees')} error={fieldError(state, 'attendees')}>
              <Input
                name="attendees"
                type="number"
                inputMode="numeric"
                min={1}
                placeholder={current.attendees?.toString() ?? ''}
                defaultValue={typed('attendees')}
              />
            </FormField>
            <FormField label={t('fields.phone')} error={fieldError(state, 'phone')}>
              <Input name="phone" type="tel" maxLength={40} placeholder={current.phone} defaultValue={typed('phone')} />
            </FormField>
          </div>
          <FormField label={t('fields.specialNeeds')} error={fieldError(state, 'specialNeeds')}>
            <Textarea name="specialNeeds" rows={2} maxLength={1000} placeholder={current.specialNeeds} defaultValue={typed('specialNeeds')} />
          </FormField>
        </div>
      </details>
      <div>
        <SubmitButton pendingLabel={t('detail.sending')}>{t('detail.supplement.submit')}</SubmitButton>
      </div>
    </form>
  );
}

export function RespondButtons({ bookingId }: { bookingId: string }) {
  const t = useTranslations('booking');
  const [state, action] = useActionState(confirmAction, null);
  return (
    <div className="flex flex-col gap-3">
      <ActionStatus result={state} />
      <div className="flex flex-wrap gap-3">
        <form action={action}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <SubmitButton size="lg" pendingLabel={t('detail.sending')}>
            {t('detail.confirm.submit')}
          </SubmitButton>
        </form>
        <ReasonDialog
          bookingId={bookingId}
          trigger={t('detail.decline.open')}
          title={t('detail.decline.title')}
          description={t('detail.decline.description')}
          label={t('detail.decline.reason')}
          submit={t('detail.decline.submit')}
          required={false}
          action={declineAction}
        />
      </div>
    </div>
  );
}

export function CancelBooking({ bookingId }: { bookingId: string }) {
  const t = useTranslations('booking');
  return (
    <ReasonDialog
      bookingId={bookingId}
      trigger={t('detail.cancel.open')}
      title={t('detail.cancel.title')}
      description={t('detail.cancel.description')}
      label={t('detail.cancel.reason')}
      submit={t('detail.cancel.submit')}
      required
      destructive
      action={cancelAction}
    />
  );
}

function ReasonDialog({
  bookingId,
  trigger,
  title,
  description,
  label,
  submit,
  required,
  destructive = false,
  action: serverAction,
}: {
  bookingId: string;
  trigger: ReactNode;
  title: string;
  description: string;
  label: string;
  submit: string;
  required: boolean;
  destructive?: boolean;
  action: typeof cancelAction;
}) {
  const t = useTranslations('booking');
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(serverAction, null);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="lg" className={destructive ? 'text-red-800' : undefined}>
          {trigger}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <form action={action} noValidate className="flex flex-col gap-4">
          <input type="hidden" name="bookingId" value={bookingId} />
          <ActionStatus result={state} />
          <FormField label={label} required={required} error={fieldError(state, 'reason')}>
            <Textarea name="reason" rows={3} maxLength={1000} required={required} defaultValue={typedValue(state, 'reason')} />
          </FormField>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('detail.keep')}
            </Button>
            <SubmitButton variant={destructive ? 'destructive' : 'default'} pendingLabel={t('detail.sending')}>
              {submit}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
