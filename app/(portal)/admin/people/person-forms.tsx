'use client';

/** Admin's forms for one person: a new account, or a change of role, department and status; a reset link; API access. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { fieldClasses, Input } from '@/components/ui/input';
import type { UserRole } from '@/db/schema';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { cn } from '@/lib/utils';
import { createPersonAction, resetPasswordAction, setApiAccessAction, updatePersonAction } from './actions';

const ROLES: UserRole[] = ['staff', 'customer_service', 'admin'];

type Option = { id: string; name: string };

function Select({ name, options, defaultValue, ...props }: { name: string; options: Option[]; defaultValue?: string; id?: string }) {
  return (
    <select name={name} defaultValue={defaultValue} className={cn(fieldClasses, 'h-10 py-2')} {...props}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}

function Check({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <label className="flex min-h-10 items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-5 accent-blue-700" />
      {label}
    </label>
  );
}

export function NewPersonForm({ departments }: { departments: Option[] }) {
  const t = useTranslations('people');
  const tRole = useTranslations('role');
  const [state, action] = useActionState(createPersonAction, null);
  const value = (name: string) => typedValue(state, name);
  const roles = ROLES.map((id) => ({ id, name: tRole(id) }));
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <ActionStatus result={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label={t('fields.name')} required error={fieldError(state, 'name')}>
          <Input name="name" required maxLength={100} autoComplete="off" defaultValue={value('name')} />
        </FormField>
        <FormField label={t('fields.email')} required error={fieldError(state, 'email')}>
          <Input name="email" type="email" required maxLength={200} autoComplete="off" defaultValue={value('email')} />
        </FormField>
        <FormField label={t('fields.phone')} error={fieldError(state, 'phone')}>
          <Input name="phone" type="tel" maxLength={40} defaultValue={value('phone')} />
        </FormField>
        <FormField label={t('fields.department')} required error={fieldError(state, 'departmentId')}>
          {(control) => <Select {...control} name="departmentId" options={departments} defaultValue={value('departmentId')} />}
        </FormField>
        <FormField label={t('fields.role')} required error={fieldError(state, 'role')}>
          {(control) => <Select {...control} name="role" options={roles} defaultValue={value('role') ?? 'staff'} />}
        </FormField>
        <FormField label={t('fields.locale')} error={fieldError(state, 'locale')}>
          {(control) => (
            <Select
              {...control}
              name="locale"
              options={[
                { id: 'zh', name: '简体中文' },
                { id: 'en', name: 'English' },
              ]}
              defaultValue={value('locale') ?? 'zh'}
            />
          )}
        </FormField>
      </div>
      <Check name="departmentContact" label={t('fields.departmentContact')} defaultChecked={value('departmentContact') === 'on'} />
      <p className="text-sm text-slate-600">{t('linkHint')}</p>
      <SubmitButton className="self-start">{t('create')}</SubmitButton>
    </form>
  );
}

export function EditPersonForm({
  person,
  departments,
}: {
  person: { id: string; role: UserRole; departmentId: string | null; isDepartmentContact: boolean; active: boolean };
  departments: Option[];
}) {
  const t = useTranslations('people');
  const tRole = useTranslations('role');
  const [state, action] = useActionState(updatePersonAction, null);
  const roles = ROLES.map((id) => ({ id, name: tRole(id) }));
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="id" value={person.id} />
      <ActionStatus result={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label={t('fields.role')} required error={fieldError(state, 'role')}>
          {(control) => <Select {...control} name="role" options={roles} defaultValue={person.role} />}
        </FormField>
        <FormField label={t('fields.department')} required error={fieldError(state, 'departmentId')}>
          {(control) => <Select {...control} name="departmentId" options={departments} defaultValue={person.departmentId ?? ''} />}
        </FormField>
      </div>
      <Check name="departmentContact" label={t('fields.departmentContact')} defaultChecked={person.isDepartmentContact} />
      <div>
        <Check name="active" label={t('fields.active')} defaultChecked={person.active} />
        {fieldError(state, 'active') && <p className="text-sm text-red-700">{fieldError(state, 'active')}</p>}
      </div>
      <p className="text-sm text-slate-600">{t('sessionsHint')}</p>
      <SubmitButton className="self-start">{t('save')}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ id }: { id: string }) {
  const t = useTranslations('people');
  const [state, action] = useActionState(resetPasswordAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600">{t('resetHint')}</p>
      <ActionStatus result={state} />
      <SubmitButton variant="outline" className="self-start">
        {t('reset')}
      </SubmitButton>
    </form>
  );
}

/** Whether the person may make personal API tokens (admin always may, so admins are not offered it). */
export function ApiAccessForm({ id, allowed }: { id: string; allowed: boolean }) {
  const t = useTranslations('people.apiAccess');
  const [state, action] = useActionState(setApiAccessAction, null);
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <p className="text-sm text-slate-600">{t('hint')}</p>
      <Check name="allowed" label={t('label')} defaultChecked={allowed} />
      <ActionStatus result={state} />
      <SubmitButton variant="outline" className="self-start">
        {t('save')}
      </SubmitButton>
    </form>
  );
}
