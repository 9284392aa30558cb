import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { listDepartments, listPeople } from '@/lib/users/people';
import { NewPersonForm } from './person-forms';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people'))('title') };
}

export default async function PeoplePage() {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [people, departments, t, tRole, locale] = await Promise.all([
    listPeople(db, actor),
    listDepartments(db),
    getTranslations('people'),
    getTranslations('role'),
    currentLocale(),
  ]);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('intro', { count: people.length })}
        actions={
          <Link href="/admin/people/departments" className="text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
            {t('departments.link')}
          </Link>
        }
      />
      <div className="flex flex-col gap-8">
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('fields.name')}</TableHead>
              <TableHead>{t('fields.email')}</TableHead>
              <TableHead>{t('fields.department')}</TableHead>
              <TableHead>{t('fields.role')}</TableHead>
              <TableHead>{t('fields.status')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p) => (
              <TableRow key={p.id}>
                <TableCell className="min-w-32">
                  <Link href={`/admin/people/${p.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {p.name}
                  </Link>
                  {p.isDepartmentContact && <span className="block text-xs text-slate-500">{t('contact')}</span>}
                </TableCell>
                <TableCell className="break-all">{p.email}</TableCell>
                <TableCell>{p.department ? localizedName(p.department, locale) : '—'}</TableCell>
                <TableCell className="whitespace-nowrap">{tRole(p.role)}</TableCell>
                <TableCell>{p.active ? <Badge variant="success">{t('active')}</Badge> : <Badge variant="neutral">{t('disabled')}</Badge>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('addHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <NewPersonForm departments={departments.map((d) => ({ id: d.id, name: localizedName(d, locale) }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
