import { LogOutIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { signOutAction } from '@/app/actions/auth';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

/** A plain form, so signing out works before (or without) JavaScript. */
export function SignOutButton({ fullWidth = false }: { fullWidth?: boolean }) {
  const t = useTranslations('auth');
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="outline" size="sm" className={cn(fullWidth && 'h-11 w-full text-base')}>
        <LogOutIcon aria-hidden />
        {t('signOut')}
      </Button>
    </form>
  );
}
