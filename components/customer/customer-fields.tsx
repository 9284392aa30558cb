'use client';

import { useTranslations } from 'next-intl';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';

export type CustomerFieldName = 'name' | 'phone' | 'email' | 'company' | 'visitors' | 'specialNeeds';

export const CUSTOMER_FIELDS: readonly CustomerFieldName[] = ['name', 'phone', 'email', 'company', 'visitors', 'specialNeeds'];

/** The fields' values before anything is typed, for the forms' defaultValues. */
export const EMPTY_CUSTOMER: Record<CustomerFieldName, string> = {
  name: '',
  phone: '',
  email: '',
  company: '',
  visitors: '',
  specialNeeds: '',
};

/**
 * What a customer gives for a visit (product rule 5): name, phone, e-mail, company, number of
 * visitors, special needs. Shared by the public booking page and the service desk's filing
 * form; each passes its own form's `register` and errors (messages in the page's language). The
 * number of visitors is held to the chosen resource's capacity, which the hint names.
 */
export function CustomerFields({
  register,
  errors: fieldErrors,
  capacity,
}: {
  register: (name: CustomerFieldName) => UseFormRegisterReturn;
  errors: Partial<Record<CustomerFieldName, { message?: string }>>;
  capacity?: number;
}) {
  const t = useTranslations('book.form');
  const errors = Object.fromEntries(CUSTOMER_FIELDS.map((f) => [f, fieldErrors[f]?.message])) as Partial<
    Record<CustomerFieldName, string>
  >;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField label={t('name')} required error={errors.name}>
        <Input autoComplete="name" maxLength={60} {...register('name')} />
      </FormField>
      <FormField label={t('company')} required error={errors.company}>
        <Input autoComplete="organization" maxLength={100} {...register('company')} />
      </FormField>
      <FormField label={t('phone')} required error={errors.phone} description={t('phoneHint')}>
        <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={40} {...register('phone')} />
      </FormField>
      <FormField label={t('email')} required error={errors.email} description={t('emailHint')}>
        <Input type="email" inputMode="email" autoComplete="email" maxLength={254} spellCheck={false} {...register('email')} />
      </FormField>
      <FormField
        label={t('visitors')}
        error={errors.visitors}
        description={capacity ? t('visitorsHint', { capacity }) : undefined}
      >
        <Input type="number" inputMode="numeric" min={1} max={capacity} {...register('visitors')} />
      </FormField>
      <FormField label={t('specialNeeds')} error={errors.specialNeeds} description={t('specialNeedsHint')} className="sm:col-span-2">
        <Textarea rows={3} maxLength={1000} {...register('specialNeeds')} />
      </FormField>
    </div>
  );
}
