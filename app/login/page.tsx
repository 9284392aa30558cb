import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions/locale';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { landingPathFor, safeCallbackPath } from '@/lib/auth/landing';
import { currentActor } from '@/lib/auth/session';
import { isProduction } from '@/lib/env';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('title') };
}

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[]; code?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Auth.js's own endpoint (/api/auth/callback/credentials) sends failures here as ?error=.
  const initialError =
    params.error === undefined
      ? undefined
      : params.error !== 'CredentialsSignin'
        ? 'unavailable'
        : params.code === 'throttled'
          ? 'throttled'
          : 'invalid';
  const actor = await currentActor();
  if (actor.kind === 'user') redirect(callbackUrl ?? landingPathFor(actor.role));

  const [t, tCommon, tRole] = await Promise.all([getTranslations('auth'), getTranslations('common'), getTranslations('role')]);
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-md items-center justify-between px-4 pt-4">
        <p className="text-base font-semibold text-slate-900">{tCommon('appName')}</p>
        <LanguageSwitch action={setLocaleAction} />
      </header>
      <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col gap-6 px-4 py-8 sm:py-12">
        <Card>
          <CardHeader>
            <CardTitle as="h1" className="text-xl">
              {t('title')}
            </CardTitle>
            <CardDescription>{t('intro')}</CardDescription>
          </CardHeader>
          <CardContent>
            <LoginForm callbackUrl={callbackUrl} initialError={initialError} />
          </CardContent>
        </Card>
        {!isProduction() && (
          <section aria-labelledby="demo-accounts" className="rounded-lg border border-dashed border-slate-300 p-4 text-sm">
            <h2 id="demo-accounts" className="font-semibold">
              {t('demoTitle')}
            </h2>
            <p className="mb-2 text-slate-600">
              {t('demoHint', { password: DEMO_PASSWORD })}
            </p>
            <ul className="flex flex-col gap-1">
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.email} className="flex flex-wrap justify-between gap-x-3">
                  <code className="font-mono">{account.email}</code>
                  <span className="text-slate-600">{tRole(account.role)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <p className="text-center text-sm text-slate-600">
          {t.rich('customerHint', {
            link: (chunks) => (
              <Link href="/book" className="font-medium text-blue-700 underline underline-offset-4">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </main>
    </div>
  );
}
