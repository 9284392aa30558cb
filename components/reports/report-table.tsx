import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { localeTags, type AppLocale } from '@/lib/i18n/config';
import type { ColumnKind, ReportCell, ReportTable as Model } from '@/lib/reports/section';
import { cn } from '@/lib/utils';

const formats: Record<Exclude<ColumnKind, 'text'>, Intl.NumberFormatOptions> = {
  count: { maximumFractionDigits: 0 },
  hours: { minimumFractionDigits: 1, maximumFractionDigits: 2 },
  ratio: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  score: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

function show(value: ReportCell, kind: ColumnKind, locale: AppLocale): string {
  if (value === null) return '—';
  if (kind === 'text' || typeof value === 'string') return String(value);
  return new Intl.NumberFormat(localeTags[locale], formats[kind]).format(value);
}

/** A report's figures as a table: the first column names the row, numbers align right. */
export function ReportTable({ table, label, locale }: { table: Model; label: string; locale: AppLocale }) {
  return (
    <Table label={label}>
      <TableHeader>
        <TableRow>
          {table.columns.map((column) => (
            <TableHead key={column.key} className={cn(column.kind !== 'text' && 'text-right')}>
              {column.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row, i) => (
          <TableRow key={i}>
            {table.columns.map((column, c) =>
              c === 0 ? (
                <TableHead key={column.key} scope="row" className="font-medium text-slate-900">
                  {show(row[column.key], column.kind, locale)}
                </TableHead>
              ) : (
                <TableCell key={column.key} className={cn('whitespace-nowrap', column.kind !== 'text' && 'text-right tabular-nums')}>
                  {show(row[column.key], column.kind, locale)}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
