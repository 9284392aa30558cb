'use client';

/** A read-only secret (a feed address, a new token) with a button that copies it. */
import { CopyIcon } from 'lucide-react';
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';

export function CopyField({ label, value }: { label: string; value: string }) {
  const t = useTranslations('access.feeds');
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      toast({ title: t('copied') });
    } catch {
      toast({ title: t('copyFailed') });
    }
  };
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input id={id} readOnly value={value} className="font-mono text-xs sm:text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button type="button" variant="outline" onClick={copy}>
          <CopyIcon aria-hidden />
          {t('copy')}
        </Button>
      </div>
    </div>
  );
}
