/** /admin/people/departments/{id} — a department's details and contacts, and its change history. */
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
import { getDepartment } from '@/lib/users/departments';
import { ChangeHistory } from '../../../resources/[id]/change-history';
import { DepartmentForm } from '../department-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people.departments'))('title') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function DepartmentPage({ params, searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const db = await getDb();
  const { department, people } = await getDepartment(db, actor, id).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'not_found') notFound();
    throw error;
  });
  const [history, t, locale, timeZone] = await Promise.all([
    auditHistory(db, actor, 'department', department.id),
    getTranslations('people.departments'),
    currentLocale(),
    getTimeZone(),
  ]);
  const notice = query.notice === 'created' || query.notice === 'saved' ? query.notice : undefined;
  return (
    <>
      <Link href="/admin/people/departments" className="mb-4 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        {t('back')}
      </Link>
      <PageHeader title={`${department.code} · ${localizedName(department, locale)}`} description={department.email ?? undefined} />
      {notice && <Alert variant="success" className="mb-6" title={t(`notice.${notice}`)} />}
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('editHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <DepartmentForm department={{ ...department, people }} />
          </CardContent>
        </Card>
        <ChangeHistory entries={history} locale={locale} timeZone={timeZone} />
      </div>
    </>
  );
}
