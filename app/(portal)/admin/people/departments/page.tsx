/** /admin/people/departments — the departments with their people and contacts, and a form to add one. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listDepartmentsWithContacts } from '@/lib/users/departments';
import { DepartmentForm } from './department-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people.departments'))('title') };
}

export default async function DepartmentsPage() {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [rows, t, tPeople] = await Promise.all([listDepartmentsWithContacts(db, actor), getTranslations('people.departments'), getTranslations('people')]);
  return (
    <>
      <Link href="/admin/people" className="mb-4 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        {tPeople('back')}
      </Link>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="flex flex-col gap-8">
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('fields.code')}</TableHead>
              <TableHead>{t('fields.nameZh')}</TableHead>
              <TableHead>{t('fields.nameEn')}</TableHead>
              <TableHead>{t('fields.email')}</TableHead>
              <TableHead>{t('people')}</TableHead>
              <TableHead>{t('contacts')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <Link href={`/admin/people/departments/${d.id}`} className="font-medium text-blue-700 underline-offset-4 hover:underline">
                    {d.code}
                  </Link>
                </TableCell>
                <TableCell lang="zh">{d.nameZh}</TableCell>
                <TableCell lang="en">{d.nameEn}</TableCell>
                <TableCell className="break-all">{d.email ?? '—'}</TableCell>
                <TableCell>{d.people}</TableCell>
                <TableCell>{d.contacts.length > 0 ? d.contacts.map((c) => c.name).join('、') : <span className="text-slate-500">{t('noContacts')}</span>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('addHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <DepartmentForm />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
