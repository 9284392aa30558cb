/** /password/<token>: set a password from the one-use link of a new account or a reset. Opening it changes nothing. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { setPasswordByLinkAction } from '@/app/actions/account';
import { setLocaleAction } from '@/app/actions/locale';
import { PasswordForm } from '@/components/account/password-form';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { getDb } from '@/db';
import { isDomainError } from '@/lib/errors';
import { checkPasswordLink } from '@/lib/users/password-link';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('people.password'))('title'), robots: { index: false } };
}

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  await connection();
  const { token } = await params;
  const [t, tCommon] = await Promise.all([getTranslations('people.password'), getTranslations('common')]);
  const person = await checkPasswordLink(await getDb(), token).catch((error: unknown) => {
    if (isDomainError(error) && error.code === 'token_invalid') return null;
    throw error;
  });
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-md items-center justify-between px-4 pt-4">
        <p className="text-base font-semibold text-slate-900">{tCommon('appName')}</p>
        <LanguageSwitch action={setLocaleAction} />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        <Card>
          <CardHeader>
            <CardTitle as="h1">{t('title')}</CardTitle>
            {person && <CardDescription>{t('for', { name: person.name, email: person.email })}</CardDescription>}
          </CardHeader>
          <CardContent>
            {person ? (
              <PasswordForm action={setPasswordByLinkAction} token={token} />
            ) : (
              <div className="flex flex-col gap-3">
                <Alert variant="error">{t('invalid')}</Alert>
                <Link href="/login" className="font-medium text-blue-700 underline-offset-4 hover:underline">
                  {t('signIn')}
                </Link>
              </div>
            )}
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
