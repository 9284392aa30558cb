import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * The period picker of the reports and the ledger: a plain GET form (works without JavaScript;
 * the period is in the address, so a view can be shared). Days are inclusive.
 */
export function PeriodForm({ action, from, to }: { action: string; from: string; to: string }) {
  const t = useTranslations('reports.period');
  return (
    <form method="get" action={action} aria-label={t('label')} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="period-from">{t('from')}</Label>
        <Input id="period-from" name="from" type="date" required defaultValue={from} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="period-to">{t('to')}</Label>
        <Input id="period-to" name="to" type="date" required defaultValue={to} />
      </div>
      <Button type="submit">{t('apply')}</Button>
    </form>
  );
}
