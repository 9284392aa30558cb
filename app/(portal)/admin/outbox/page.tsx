import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { requirePageActor } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { listUndeliveredMail } from '@/lib/mail/outbox-admin';
import { getSettings } from '@/lib/settings';
import { RetryButton } from './retry-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

export default async function OutboxPage() {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const [rows, settings, t, locale] = await Promise.all([
    listUndeliveredMail(db, actor),
    getSettings(db),
    getTranslations('outbox'),
    currentLocale(),
  ]);

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('empty')}</p>
      ) : (
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('to')}</TableHead>
              <TableHead>{t('template')}</TableHead>
              <TableHead>{t('booking')}</TableHead>
              <TableHead className="text-right">{t('attempts')}</TableHead>
              <TableHead>{t('nextAttempt')}</TableHead>
              <TableHead>{t('lastError')}</TableHead>
              <TableHead>
                <span className="sr-only">{t('retry')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <Badge variant={row.status === 'dead' ? 'danger' : 'warning'}>{t(row.status)}</Badge>
                </TableCell>
                <TableCell className="min-w-48 break-all">{row.to}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{row.template}</TableCell>
                <TableCell className="font-mono whitespace-nowrap">{row.reference ?? '—'}</TableCell>
                <TableCell className="text-right tabular-nums">{row.attempts}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">
                  {row.status === 'pending' ? formatDateTime(row.nextAttemptAt, locale, settings.timeZone) : '—'}
                </TableCell>
                <TableCell className="max-w-md text-xs break-words text-slate-700">{row.lastError ?? '—'}</TableCell>
                <TableCell>
                  {row.status === 'dead' && (
                    <RetryButton id={row.id} label={t('retry')} failedMessage={t('retryFailed')} />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
