/** A record's changes from the audit log: who, when, what, old → new, the reason. */
import { useTranslations } from 'next-intl';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AuditEntry } from '@/db/schema';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

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
                  {entry.action === 'create' ? (
                    t('created')
                  ) : (
                    <ul className="flex flex-col gap-0.5">
                      {Object.keys(entry.after ?? {}).map((field) => (
                        <li key={field} className="break-words">
                          <span className="font-medium">{t.has(`fields.${field}`) ? t(`fields.${field}`) : field}</span>:{' '}
                          <span className="text-slate-500 line-through">{show(entry.before?.[field])}</span> → {show(entry.after?.[field])}
                        </li>
                      ))}
                    </ul>
                  )}
                  {entry.note && <p className="mt-1 text-slate-600">{entry.note}</p>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
