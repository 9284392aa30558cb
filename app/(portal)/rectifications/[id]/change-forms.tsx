'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { RectificationStatus } from '@/db/schema';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { changeRectificationAction } from '../actions';

/** A note, and a button for each status the viewer may move the item to (or only the note). */
export function StatusForm({ id, next }: { id: string; next: RectificationStatus[] }) {
  const t = useTranslations('rectifications.detail');
  const [state, action] = useActionState(changeRectificationAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="rectificationId" value={id} />
      <ActionStatus result={state} />
      <FormField label={t('note')} error={fieldError(state, 'note', 'status')}>
        <Textarea name="note" rows={2} maxLength={2000} defaultValue={typedValue(state, 'note')} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <SubmitButton key={status} name="status" value={status} size="sm" variant={status === 'open' ? 'outline' : 'default'} pendingLabel={t('moving')}>
            {t(`to.${status}`)}
          </SubmitButton>
        ))}
        <SubmitButton size="sm" variant="outline" pendingLabel={t('moving')}>
          {t('addNote')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** The desk moves an item to another department or due date. */
export function ReassignForm({
  id,
  departments,
  current,
}: {
  id: string;
  departments: { id: string; label: string }[];
  current: { ownerDepartmentId: string; dueDate: string };
}) {
  const t = useTranslations('rectifications');
  const [state, action] = useActionState(changeRectificationAction, null);
  return (
    <form action={action} noValidate className="flex flex-col gap-3">
      <input type="hidden" name="rectificationId" value={id} />
      <ActionStatus result={state} />
      <p className="text-sm text-slate-600">{t('detail.reassignIntro')}</p>
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField label={t('form.department')} error={fieldError(state, 'ownerDepartmentId')}>
          <select name="ownerDepartmentId" defaultValue={typedValue(state, 'ownerDepartmentId') ?? current.ownerDepartmentId} className={cn(fieldClasses, 'h-10 py-2')}>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('form.dueDate')} error={fieldError(state, 'dueDate', 'status')}>
          <Input type="date" name="dueDate" defaultValue={typedValue(state, 'dueDate') ?? current.dueDate} />
        </FormField>
      </div>
      <div>
        <SubmitButton size="sm" variant="outline" pendingLabel={t('detail.moving')}>
          {t('detail.save')}
        </SubmitButton>
      </div>
    </form>
  );
}
