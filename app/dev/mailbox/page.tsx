/** The development mailbox: every mail the app "sent" without SMTP_URL. 404 in production. */
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { devMailboxEnabled, mailboxDir } from '@/lib/mail/config';
import { listDevMailbox } from '@/lib/mail/dev-mailbox';

export const metadata = { robots: { index: false, follow: false } };

export default async function DevMailboxPage() {
  if (!devMailboxEnabled()) notFound();
  const [messages, t] = await Promise.all([listDevMailbox(), getTranslations('devMailbox')]);
  return (
    <main id="main" className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="text-slate-600">{t('intro', { dir: mailboxDir() })}</p>
      {messages.length === 0 ? (
        <p className="text-slate-600">{t('empty')}</p>
      ) : (
        <Table label={t('title')}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('date')}</TableHead>
              <TableHead>{t('to')}</TableHead>
              <TableHead>{t('subject')}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.map((m) => (
              <TableRow key={m.id}>
                <TableCell className="whitespace-nowrap tabular-nums">{m.date?.replace('T', ' ').slice(0, 19) ?? ''}</TableCell>
                <TableCell className="break-all">{m.to}</TableCell>
                <TableCell>
                  <Link href={`/dev/mailbox/${m.id}`} className="text-blue-700 underline-offset-4 hover:underline">
                    {m.subject || '—'}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </main>
  );
}
