/** A record's changes from the audit log: who, when, what, old → new, the reason. */
import { useTranslations } from 'next-intl';
import { AuditChanges } from '@/components/audit/audit-changes';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AuditEntry } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

export function ChangeHistory({ entries, locale, timeZone }: { entries: AuditEntry[]; locale: AppLocale; timeZone: string }) {
  const t = useTranslations('resourceAdmin.history');
  return (
    <section aria-labelledby="changes" className="flex flex-col gap-3">
      <h2 id="changes" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <Table label={t('heading')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('at')}</TableHead>
              <TableHead>{t('actor')}</TableHead>
              <TableHead>{t('action')}</TableHead>
              <TableHead>{t('changes')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {entries.map((entry) => (
              <TableRow key={entry.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(entry.at, locale, timeZone)}</TableCell>
                <TableCell className="whitespace-nowrap">{entry.actorName}</TableCell>
                <TableCell className="whitespace-nowrap">{t.has(`actions.${entry.action}`) ? t(`actions.${entry.action}`) : entry.action}</TableCell>
                <TableCell className="min-w-64 text-sm">
                  <AuditChanges entry={entry} createdAsAdded />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
