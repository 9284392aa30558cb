import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { listRefusedReplies } from '@/lib/inbound/refusals';

/** Replies that named a booking without a valid signature (lib/inbound/refusals.ts). */
export async function RefusedReplies({
  list,
  href,
  locale,
  timeZone,
}: {
  list: Awaited<ReturnType<typeof listRefusedReplies>>;
  href: (page: number) => string;
  locale: AppLocale;
  timeZone: string;
}) {
  const t = await getTranslations('inbound');
  const heading = t('refusedHeading', { count: list.total });
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="refused-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-slate-600">{t('refusedIntro')}</p>
      </div>
      {list.rows.length === 0 ? (
        <p className="text-slate-600">{t('refusedEmpty')}</p>
      ) : (
        <Table label={heading}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('received')}</TableHead>
              <TableHead>{t('from')}</TableHead>
              <TableHead>{t('subject')}</TableHead>
              <TableHead>{t('booking')}</TableHead>
              <TableHead>{t('reason')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.receivedAt, locale, timeZone)}</TableCell>
                <TableCell className="min-w-48 break-all">{row.from || '—'}</TableCell>
                <TableCell className="max-w-md break-words">{row.subject || '—'}</TableCell>
                <TableCell className="font-mono whitespace-nowrap">{row.reference ?? '—'}</TableCell>
                <TableCell>
                  <Badge variant="danger">{t(row.reason)}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label={t('refusedPages')} />
    </section>
  );
}
