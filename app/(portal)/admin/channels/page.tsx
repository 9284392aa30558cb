/**
 * /admin/channels — admin's group-bot channels (WeCom, DingTalk, Feishu): the list, adding and
 * editing one, switching it off or on, and a test message with the platform's answer.
 */
import { ChevronDownIcon } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getDb } from '@/db';
import { botKind } from '@/db/schema';
import { requirePageActor } from '@/lib/auth/session';
import { listChannels, NOTICE_EVENTS } from '@/lib/notices/channels';
import { cn } from '@/lib/utils';
import { ChannelSwitch, ChannelTest } from './channel-controls';
import { ChannelForm } from './channel-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('channels'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOTICES = ['added', 'updated'] as const;

export default async function ChannelsPage({ searchParams }: Props) {
  const actor = await requirePageActor('admin');
  const query = await searchParams;
  const param = (name: string) => [query[name]].flat()[0];
  const db = await getDb();
  const [channels, t] = await Promise.all([listChannels(db, actor), getTranslations('channels')]);
  const editing = channels.find((c) => c.id === param('edit'));
  const notice = NOTICES.find((n) => n === param('notice'));

  return (
    <>
      <PageHeader title={t('title')} description={t('intro')} />
      {notice && (
        <Alert variant="success" className="mb-4">
          {t(`notice.${notice}`)}
        </Alert>
      )}
      <details id="edit" open={Boolean(editing) || channels.length === 0} className="group mb-6 rounded-lg border border-slate-200 bg-white shadow-sm">
        <summary className="flex min-h-12 cursor-pointer list-none items-center justify-between gap-2 px-4 font-semibold focus-visible:outline-2 focus-visible:outline-blue-600 sm:px-5 [&::-webkit-details-marker]:hidden">
          {editing ? t('editTitle', { name: editing.name }) : t('addTitle')}
          <ChevronDownIcon className="size-4 text-slate-500 transition-transform group-open:rotate-180" aria-hidden />
        </summary>
        <div className="flex flex-col gap-4 px-4 pb-4 sm:px-5 sm:pb-5">
          <p className="text-sm text-slate-600">{t('formIntro')}</p>
          {/* Re-mount when switching between adding and editing another channel. */}
          <ChannelForm key={editing?.id ?? 'new'} editing={editing} kinds={botKind.enumValues} events={NOTICE_EVENTS} />
        </div>
      </details>

      <section className="flex flex-col gap-3">
        <h2 id="channels" className="text-lg font-semibold">
          {t('listHeading', { count: channels.length })}
        </h2>
        {channels.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">{t('empty')}</p>
        ) : (
          <Table label={t('listHeading', { count: channels.length })}>
            <TableHeader>
              <TableRow>
                <TableHead>{t('columns.name')}</TableHead>
                <TableHead className="hidden md:table-cell">{t('columns.events')}</TableHead>
                <TableHead>
                  <span className="sr-only">{t('columns.actions')}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {channels.map((channel) => (
                <TableRow key={channel.id} className={cn(channel.id === editing?.id && 'bg-blue-50')}>
                  <TableCell className="align-top">
                    <div className="font-medium break-words">{channel.name}</div>
                    <div className="mt-1 flex flex-wrap gap-1">
                      <Badge variant="info">{t(`kind.${channel.kind}`)}</Badge>
                      <Badge variant={channel.active ? 'success' : 'neutral'}>{t(channel.active ? 'active' : 'inactive')}</Badge>
                      {channel.hasSecret && <Badge variant="outline">{t('signed')}</Badge>}
                    </div>
                    <div className="mt-1 text-xs break-all text-slate-600">{channel.webhookHost}</div>
                    {/* On a phone the events sit under the name, so that the row fits without scrolling. */}
                    <EventList events={channel.events} className="mt-2 md:hidden" label={(e) => t(`event.${e}`)} none={t('noEvents')} />
                  </TableCell>
                  <TableCell className="hidden align-top md:table-cell">
                    <EventList events={channel.events} label={(e) => t(`event.${e}`)} none={t('noEvents')} />
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex flex-col items-end gap-1">
                      <div className="flex flex-wrap justify-end gap-1">
                        <Button asChild variant="ghost" size="sm">
                          <Link href={`/admin/channels?edit=${channel.id}#edit`} aria-label={t('editLabel', { name: channel.name })}>
                            {t('edit')}
                          </Link>
                        </Button>
                        <ChannelSwitch id={channel.id} name={channel.name} active={channel.active} />
                      </div>
                      <ChannelTest id={channel.id} name={channel.name} />
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

function EventList({ events, label, none, className }: { events: string[]; label: (event: string) => string; none: string; className?: string }) {
  if (events.length === 0) return <p className={cn('text-sm text-slate-600', className)}>{none}</p>;
  return (
    <ul className={cn('flex flex-col gap-0.5 text-sm', className)}>
      {events.map((event) => (
        <li key={event}>{label(event)}</li>
      ))}
    </ul>
  );
}
