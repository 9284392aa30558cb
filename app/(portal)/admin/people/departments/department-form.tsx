'use client';

/** Admin's form for a department: code, names, mailbox and (once it has people) its contacts. */
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionStatus } from '@/components/forms/action-status';
import { SubmitButton } from '@/components/forms/submit-button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldError, typedValue } from '@/lib/forms/action-result';
import { createDepartmentAction, updateDepartmentAction } from '../actions';

export interface DepartmentValues {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  email: string | null;
  people: { id: string; name: string; isDepartmentContact: boolean }[];
}

export function DepartmentForm({ department }: { department?: DepartmentValues }) {
  const t = useTranslations('people.departments');
  const [state, action] = useActionState(department ? updateDepartmentAction : createDepartmentAction, null);
  const value = (name: keyof DepartmentValues) => typedValue(state, name) ?? (department?.[name] as string | null | undefined) ?? '';
  const contactsError = fieldError(state, 'contactIds');
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {department && <input type="hidden" name="id" value={department.id} />}
      <ActionStatus result={state} />
      <div className="grid gap-4 md:grid-cols-2">
        <FormField label={t('fields.code')} required error={fieldError(state, 'code')}>
          <Input name="code" required maxLength={16} autoComplete="off" defaultValue={value('code')} className="uppercase" />
        </FormField>
        <FormField label={t('fields.email')} error={fieldError(state, 'email')}>
          <Input name="email" type="email" maxLength={200} autoComplete="off" defaultValue={value('email')} />
        </FormField>
        <FormField label={t('fields.nameZh')} required error={fieldError(state, 'nameZh')}>
          <Input name="nameZh" required maxLength={100} lang="zh" defaultValue={value('nameZh')} />
        </FormField>
        <FormField label={t('fields.nameEn')} required error={fieldError(state, 'nameEn')}>
          <Input name="nameEn" required maxLength={100} lang="en" defaultValue={value('nameEn')} />
        </FormField>
      </div>
      {department && (
        <fieldset className="flex flex-col gap-1" aria-describedby="contacts-hint">
          <legend className="text-sm font-medium text-slate-900">{t('contacts')}</legend>
          <p id="contacts-hint" className="text-sm text-slate-600">
            {department.people.length > 0 ? t('contactsHint') : t('noPeople')}
          </p>
          {department.people.map((person) => (
            <label key={person.id} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" name="contactIds" value={person.id} defaultChecked={person.isDepartmentContact} className="size-5 accent-blue-700" />
              {person.name}
            </label>
          ))}
          {contactsError && <p className="text-sm text-red-700">{contactsError}</p>}
        </fieldset>
      )}
      <SubmitButton className="self-start">{department ? t('save') : t('create')}</SubmitButton>
    </form>
  );
}
