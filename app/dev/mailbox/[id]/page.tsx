/** One mail of the development mailbox: HTML (sandboxed), text, attachments, and a reply form. */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { devMailboxEnabled } from '@/lib/mail/config';
import { readDevMailbox } from '@/lib/mail/dev-mailbox';
import { DevReplyForm } from './reply-form';

export const metadata = { robots: { index: false, follow: false } };

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled()) notFound();
  const { id } = await params;
  const [message, t] = await Promise.all([readDevMailbox(id), getTranslations('devMailbox')]);
  if (!message) notFound();

  return (
    <main id="main" className="mx-auto flex w-full max-w-5xl flex-col gap-6 px-4 py-8">
      <Link href="/dev/mailbox" className="text-sm text-blue-700 underline-offset-4 hover:underline">
        ← {t('back')}
      </Link>
      <h1 className="text-2xl font-semibold break-words">{message.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t('from')}</dt>
        <dd className="break-all">{message.from}</dd>
        <dt className="text-slate-600">{t('to')}</dt>
        <dd className="break-all">{message.to}</dd>
        <dt className="text-slate-600">{t('date')}</dt>
        <dd>{message.date}</dd>
        <dt className="text-slate-600">{t('headers')}</dt>
        <dd className="font-mono text-xs break-all">
          Message-ID: {message.messageId}
          <br />
          Reply-To: {message.replyTo}
        </dd>
      </dl>

      {message.html && (
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t('html')}</h2>
          {/* sandbox without allow-scripts or allow-same-origin: the mail cannot run code or reach the app. */}
          <iframe sandbox="allow-popups" srcDoc={message.html} title={t('html')} className="h-[640px] w-full rounded-lg border border-slate-200 bg-white" />
        </section>
      )}

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t('text')}</h2>
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm whitespace-pre-wrap">{message.text}</pre>
      </section>

      {message.attachments.length > 0 && (
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t('attachments')}</h2>
          <ul className="list-disc pl-6 text-sm">
            {message.attachments.map((a, i) => (
              <li key={`${a.filename}-${i}`}>
                {a.filename || '—'} ({a.contentType}, {a.size} B)
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="flex flex-col gap-2">
        <h2 className="text-lg font-semibold">{t('replyTitle')}</h2>
        {message.replyTo ? (
          <>
            <p className="text-sm text-slate-600">{t('replyIntro')}</p>
            <DevReplyForm
              id={message.id}
              text={{ body: t('replyBody'), defaultBody: t('replyDefault'), send: t('send') }}
            />
          </>
        ) : (
          <p className="text-sm text-slate-600">{t('noReplyTo')}</p>
        )}
      </section>
    </main>
  );
}
