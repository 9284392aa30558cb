import { LogOutIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { SubmitButton } from '@/components/forms/submit-button';
import { cn } from '@/lib/utils';

/** A plain form posting to the sign-out action the layout gives, so it works before (or without) JavaScript. */
export function SignOutButton({ action, fullWidth = false }: { action: () => Promise<void>; fullWidth?: boolean }) {
  const t = useTranslations('auth');
  return (
    <form action={action}>
      <SubmitButton variant="outline" size="sm" className={cn(fullWidth && 'h-11 w-full text-base')}>
        <LogOutIcon aria-hidden />
        {t('signOut')}
      </SubmitButton>
    </form>
  );
}
