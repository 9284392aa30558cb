import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTimeZone, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { auditHistory } from '@/lib/audit/queries';
import { requirePageActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { getPerson, listDepartments } from '@/lib/users/people';
import { ChangeHistory } from '../../resources/[id]/change-history';
import { ApiAccessForm, EditPersonForm, ResetPasswordForm } from '../person-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function PersonPage({ params, searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const person = await getPerson(db, actor, id).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const [departments, history, t, tAccess, tRole, locale, timeZone] = await Promise.all([
    listDepartments(db),
    auditHistory(db, actor, 'user', person.id),
    getTranslations('people'),
    getTranslations('people.apiAccess'),
    getTranslations('role'),
    currentLocale(),
    getTimeZone(),
  ]);
  const notice = query.notice === 'created' || query.notice === 'saved' ? query.notice : undefined;
  return (
    <>
      <Link href="/admin/people" className="mb-4 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        {t('back')}
      </Link>
      <PageHeader
        title={person.name}
        description={[person.email, person.phone, tRole(person.role), person.department && localizedName(person.department, locale)].filter(Boolean).join(' · ')}
      />
      {notice && <Alert variant="success" className="mb-6" title={t(`notice.${notice}`)} />}
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('editHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <EditPersonForm person={person} departments={departments.map((d) => ({ id: d.id, name: localizedName(d, locale) }))} />
          </CardContent>
        </Card>
        {person.active && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{t('resetHeading')}</CardTitle>
            </CardHeader>
            <CardContent>
              <ResetPasswordForm id={person.id} />
            </CardContent>
          </Card>
        )}
        {person.active && person.role !== 'admin' && (
          <Card>
            <CardHeader>
              <CardTitle as="h2">{tAccess('heading')}</CardTitle>
            </CardHeader>
            <CardContent>
              <ApiAccessForm id={person.id} allowed={person.apiAccess} />
            </CardContent>
          </Card>
        )}
        <ChangeHistory entries={history} locale={locale} timeZone={timeZone} />
      </div>
    </>
  );
}
