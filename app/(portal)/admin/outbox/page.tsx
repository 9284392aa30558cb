import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Pagination } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { isTemplateName, templates } from '@/emails';
import { requirePageActor } from '@/lib/auth/session';
import type { AppLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { currentLocale } from '@/lib/i18n/server';
import { listUndeliveredMail, type MailPage, type UndeliveredStatus } from '@/lib/mail/outbox-admin';
import { listRefusedReplies } from '@/lib/inbound/refusals';
import { listFailedNotices, type NoticePage } from '@/lib/notices/undelivered';
import { getSettings } from '@/lib/settings';
import { RefusedReplies } from './refused-replies';
import { RetryButton } from './retry-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('outbox'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Each list pages on its own (`?dead=2&queued=1`); dead letters come first and stay in view. */
const PARAMS: Record<UndeliveredStatus | 'refused' | 'notices', string> = { dead: 'dead', pending: 'queued', refused: 'refused', notices: 'notices' };

export default async function OutboxPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const db = await getDb();
  const query = await searchParams;
  const pageOf = (list: keyof typeof PARAMS) => Number([query[PARAMS[list]]].flat()[0] ?? 1);
  const [dead, queued, refused, notices, settings, t, locale] = await Promise.all([
    listUndeliveredMail(db, actor, { status: 'dead', page: pageOf('dead') }),
    listUndeliveredMail(db, actor, { status: 'pending', page: pageOf('pending') }),
    listRefusedReplies(db, actor, { page: pageOf('refused') }),
    listFailedNotices(db, actor, { page: pageOf('notices') }),
    getSettings(db),
    getTranslations('outbox'),
    currentLocale(),
  ]);
  const href = (list: keyof typeof PARAMS, page: number) =>
    `/admin/outbox?${new URLSearchParams({
      [PARAMS.dead]: String(list === 'dead' ? page : dead.page),
      [PARAMS.pending]: String(list === 'pending' ? page : queued.page),
      [PARAMS.refused]: String(list === 'refused' ? page : refused.page),
      [PARAMS.notices]: String(list === 'notices' ? page : notices.page),
    })}`;
  const view = { locale, timeZone: settings.timeZone };

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      <div className="flex flex-col gap-10">
        <MailSection status="dead" list={dead} href={(page) => href('dead', page)} {...view} />
        <MailSection status="pending" list={queued} href={(page) => href('pending', page)} {...view} />
        <NoticeSection list={notices} href={(page) => href('notices', page)} {...view} />
        <RefusedReplies list={refused} href={(page) => href('refused', page)} {...view} />
      </div>
    </>
  );
}

async function MailSection({
  status,
  list,
  href,
  locale,
  timeZone,
}: {
  status: UndeliveredStatus;
  list: MailPage;
  href: (page: number) => string;
  locale: AppLocale;
  timeZone: string;
}) {
  const [t, tEmail] = await Promise.all([getTranslations('outbox'), getTranslations('email')]);
  // A mail is named by its heading in the reader's language, not by its template's code.
  const mailName = (template: string) => (isTemplateName(template) ? tEmail(`${templates[template].messageKey}.heading`) : template);
  const key = status === 'dead' ? 'dead' : 'queued';
  const heading = t(`${key}Heading`, { count: list.total });
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id={`${key}-heading`} className="text-lg font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-slate-600">{t(`${key}Intro`)}</p>
      </div>
      {list.rows.length === 0 ? (
        <p className="text-slate-600">{t(`${key}Empty`)}</p>
      ) : (
        <Table label={heading}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('to')}</TableHead>
              <TableHead>{t('template')}</TableHead>
              <TableHead>{t('booking')}</TableHead>
              <TableHead className="text-right">{t('attempts')}</TableHead>
              {status === 'pending' && <TableHead>{t('nextAttempt')}</TableHead>}
              <TableHead>{t('lastError')}</TableHead>
              {status === 'dead' && (
                <TableHead>
                  <span className="sr-only">{t('retry')}</span>
                </TableHead>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <Badge variant={row.status === 'dead' ? 'danger' : 'warning'}>{t(row.status)}</Badge>
                </TableCell>
                <TableCell className="min-w-48 break-all">{row.to}</TableCell>
                <TableCell className="whitespace-nowrap">{mailName(row.template)}</TableCell>
                <TableCell className="font-mono whitespace-nowrap">{row.reference ?? '—'}</TableCell>
                <TableCell className="text-right tabular-nums">{row.attempts}</TableCell>
                {status === 'pending' && (
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.nextAttemptAt, locale, timeZone)}</TableCell>
                )}
                <TableCell className="max-w-md text-xs break-words text-slate-700">{row.lastError ?? '—'}</TableCell>
                {status === 'dead' && (
                  <TableCell>
                    <RetryButton id={row.id} />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label={t(`${key}Pages`)} />
    </section>
  );
}

/** Group-bot notices given up on or still failing, with the platform's answer. */
async function NoticeSection({ list, href, locale, timeZone }: { list: NoticePage; href: (page: number) => string; locale: AppLocale; timeZone: string }) {
  const [t, tChannels] = await Promise.all([getTranslations('outbox'), getTranslations('channels')]);
  const heading = t('noticesHeading', { count: list.total });
  return (
    <section className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <h2 id="notices-heading" className="text-lg font-semibold">
          {heading}
        </h2>
        <p className="text-sm text-slate-600">{t('noticesIntro')}</p>
      </div>
      {list.rows.length === 0 ? (
        <p className="text-slate-600">{t('noticesEmpty')}</p>
      ) : (
        <Table label={heading}>
          <TableHeader>
            <TableRow>
              <TableHead>{t('status')}</TableHead>
              <TableHead>{t('channel')}</TableHead>
              <TableHead>{t('notice')}</TableHead>
              <TableHead className="text-right">{t('attempts')}</TableHead>
              <TableHead>{t('nextAttempt')}</TableHead>
              <TableHead>{t('lastError')}</TableHead>
              <TableHead>
                <span className="sr-only">{t('retry')}</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <Badge variant={row.status === 'dead' ? 'danger' : 'warning'}>{t(row.status === 'dead' ? 'dead' : 'failing')}</Badge>
                </TableCell>
                <TableCell className="min-w-40 break-words">
                  {row.channelName} <span className="text-slate-500">· {tChannels(`kind.${row.channelKind}`)}</span>
                </TableCell>
                <TableCell className="min-w-48 break-words" lang="zh-CN">
                  {row.title}
                </TableCell>
                <TableCell className="text-right tabular-nums">{row.attempts}</TableCell>
                <TableCell className="whitespace-nowrap tabular-nums">{row.status === 'dead' ? '—' : formatDateTime(row.nextAttemptAt, locale, timeZone)}</TableCell>
                <TableCell className="max-w-md text-xs break-words text-slate-700">{row.lastError ?? '—'}</TableCell>
                <TableCell>{row.status === 'dead' && <RetryButton id={row.id} notice />}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} href={href} label={t('noticesPages')} />
    </section>
  );
}
