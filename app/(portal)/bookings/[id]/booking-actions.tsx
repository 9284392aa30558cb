'use client';

/**
 * What the applicant can do with the booking in its current status. The page only shows the
 * forms that fit; the domain functions behind the actions decide.
 */
import { useTranslations } from 'next-intl';
import { useActionState, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { cancelAction, confirmAction, declineAction, supplementAction, type BookingActionState } from './actions';

function useFieldMessage(state: BookingActionState) {
  const tValidation = useTranslations('validation');
  return (field: string) => {
    const key = state?.fieldErrors?.[field]?.[0];
    return key ? tValidation(key) : undefined;
  };
}

/** The form-level error, unless the message is already on a field. */
function FormError({ state }: { state: BookingActionState }) {
  if (!state || (state.fieldErrors && state.code === 'invalid_input')) return null;
  return <Alert variant="error">{state.message}</Alert>;
}

export function SupplementForm({ bookingId, current }: { bookingId: string; current: { purpose: string; attendees: number | null; phone: string; specialNeeds: string } }) {
  const t = useTranslations('booking');
  const [state, action, pending] = useActionState(supplementAction.bind(null, bookingId), null);
  const fieldMessage = useFieldMessage(state);
  const changed = ['purpose', 'attendees', 'phone', 'specialNeeds'].some((name) => state?.values[name]);
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <FormError state={state} />
      <FormField label={t('detail.supplement.message')} required error={fieldMessage('message')}>
        <Textarea name="message" rows={4} maxLength={2000} required defaultValue={state?.values.message} />
      </FormField>
      <details className="rounded-md border border-slate-200 p-3" open={changed || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t('detail.supplement.changeFields')}</summary>
        <p className="mt-2 text-sm text-slate-600">{t('detail.supplement.changeFieldsHint')}</p>
        <div className="mt-3 flex flex-col gap-4">
          <FormField label={t('fields.purpose')} error={fieldMessage('purpose')}>
            <Textarea name="purpose" rows={2} maxLength={500} placeholder={current.purpose} defaultValue={state?.values.purpose} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label={t('fields.attendees')} error={fieldMessage('attendees')}>
              <Input
                name="attendees"
                type="number"
                inputMode="numeric"
                min={1}
                placeholder={current.attendees?.toString() ?? ''}
                defaultValue={state?.values.attendees}
              />
            </FormField>
            <FormField label={t('fields.phone')} error={fieldMessage('phone')}>
              <Input name="phone" type="tel" maxLength={40} placeholder={current.phone} defaultValue={state?.values.phone} />
            </FormField>
          </div>
          <FormField label={t('fields.specialNeeds')} error={fieldMessage('specialNeeds')}>
            <Textarea name="specialNeeds" rows={2} maxLength={1000} placeholder={current.specialNeeds} defaultValue={state?.values.specialNeeds} />
          </FormField>
        </div>
      </details>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t('detail.sending') : t('detail.supplement.submit')}
        </Button>
      </div>
    </form>
  );
}

export function RespondButtons({ bookingId }: { bookingId: string }) {
  const t = useTranslations('booking');
  const [state, action, pending] = useActionState(confirmAction.bind(null, bookingId), null);
  return (
    <div className="flex flex-col gap-3">
      <FormError state={state} />
      <div className="flex flex-wrap gap-3">
        <form action={action}>
          <Button type="submit" size="lg" disabled={pending}>
            {pending ? t('detail.sending') : t('detail.confirm.submit')}
          </Button>
        </form>
        <ReasonDialog
          trigger={t('detail.decline.open')}
          title={t('detail.decline.title')}
          description={t('detail.decline.description')}
          label={t('detail.decline.reason')}
          submit={t('detail.decline.submit')}
          required={false}
          action={declineAction.bind(null, bookingId)}
        />
      </div>
    </div>
  );
}

export function CancelBooking({ bookingId }: { bookingId: string }) {
  const t = useTranslations('booking');
  return (
    <ReasonDialog
      trigger={t('detail.cancel.open')}
      title={t('detail.cancel.title')}
      description={t('detail.cancel.description')}
      label={t('detail.cancel.reason')}
      submit={t('detail.cancel.submit')}
      required
      destructive
      action={cancelAction.bind(null, bookingId)}
    />
  );
}

function ReasonDialog({
  trigger,
  title,
  description,
  label,
  submit,
  required,
  destructive = false,
  action: serverAction,
}: {
  trigger: ReactNode;
  title: string;
  description: string;
  label: string;
  submit: string;
  required: boolean;
  destructive?: boolean;
  action: (prev: BookingActionState, form: FormData) => Promise<BookingActionState>;
}) {
  const t = useTranslations('booking');
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(serverAction, null);
  const fieldMessage = useFieldMessage(state);
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
          <FormError state={state} />
          <FormField label={label} required={required} error={fieldMessage('reason')}>
            <Textarea name="reason" rows={3} maxLength={1000} required={required} defaultValue={state?.values.reason} />
          </FormField>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t('detail.keep')}
            </Button>
            <Button type="submit" variant={destructive ? 'destructive' : 'default'} disabled={pending}>
              {pending ? t('detail.sending') : submit}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
