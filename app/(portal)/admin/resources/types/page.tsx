import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { listResourceTypes } from '@/lib/resources/types-manage';
import { TypeForm } from './type-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('resourceAdmin.types'))('title') };
}

type Props = { searchParams: Promise<{ edit?: string; notice?: string }> };

export default async function ResourceTypesPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const [types, t, query] = await Promise.all([listResourceTypes(await getDb(), actor), getTranslations('resourceAdmin.types'), searchParams]);
  const editing = types.find((type) => type.id === query.edit);
  return (
    <>
      <Link href="/admin/resources" className="mb-4 inline-block text-sm font-medium text-blue-700 underline-offset-4 hover:underline">
        {t('back')}
      </Link>
      <PageHeader title={t('title')} description={t('intro')} />
      {query.notice === 'saved' && <Alert variant="success" className="mb-6" title={t('saved')} />}
      <div className="flex flex-col gap-8">
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('code')}</TableHead>
              <TableHead>{t('nameZh')}</TableHead>
              <TableHead>{t('nameEn')}</TableHead>
              <TableHead className="text-right">{t('sortOrder')}</TableHead>
              <TableHead className="text-right">{t('resources')}</TableHead>
              <TableHead>
                <span className="sr-only">{t('edit')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {types.map((type) => (
              <TableRow key={type.id}>
                {/* A type's code is an identifier written in English (meeting_room), not Chinese text. */}
                <TableCell className="font-mono" lang="en" translate="no">
                  {type.code}
                </TableCell>
                <TableCell lang="zh-CN">{type.nameZh}</TableCell>
                <TableCell lang="en">{type.nameEn}</TableCell>
                <TableCell className="text-right tabular-nums">{type.sortOrder}</TableCell>
                <TableCell className="text-right tabular-nums">{type.resourceCount}</TableCell>
                <TableCell>
                  <Link
                    href={`/admin/resources/types?edit=${type.id}`}
                    className="font-medium text-blue-700 underline-offset-4 hover:underline"
                    aria-label={`${t('edit')} ${type.code}`}
                  >
                    {t('edit')}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{editing ? t('editHeading', { code: editing.code }) : t('addHeading')}</CardTitle>
          </CardHeader>
          <CardContent>
            <TypeForm key={editing?.id ?? 'new'} editing={editing} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
