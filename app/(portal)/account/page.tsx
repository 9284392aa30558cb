/** A person's own account: their details, their language and a new password. */
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { changeOwnPasswordAction } from '@/app/actions/account';
import { setLocaleAction } from '@/app/actions/locale';
import { PasswordForm } from '@/components/account/password-form';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { PageHeader } from '@/components/layout/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people.account'))('title') };
}

export default async function AccountPage() {
  const actor = await requirePageActor();
  const [t, tRole] = await Promise.all([getTranslations('people.account'), getTranslations('role')]);
  return (
    <>
      <PageHeader title={t('title')} description={`${actor.name} · ${actor.email} · ${tRole(actor.role)}`} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('language')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            <p className="text-sm text-slate-600">{t('languageHint')}</p>
            <LanguageSwitch action={setLocaleAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t('password')}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm text-slate-600">{t('passwordHint')}</p>
            <PasswordForm action={changeOwnPasswordAction} askCurrent />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
