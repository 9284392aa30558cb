/**
 * The development mailbox: without SMTP_URL (and outside production) delivered mail is written
 * as .eml files to MAILBOX_DIR (default .data/mailbox), so a newcomer can read every mail the
 * app sends on /dev/mailbox and reply to it from there.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { mailboxDir } from './config';

const streamTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

const ID_SHAPE = /^[0-9TZ-]+_[0-9a-f]{8}$/;

export async function saveToDevMailbox(message: Mail.Options): Promise<{ id: string; messageId: string }> {
  const info = await streamTransport.sendMail(message);
  const dir = mailboxDir();
  await mkdir(dir, { recursive: true });
  // Sortable by time; the random part keeps two mails in one millisecond apart.
  const id = `${new Date().toISOString().replace(/[:.]/g, '-')}_${randomBytes(4).toString('hex')}`;
  await writeFile(join(dir, `${id}.eml`), info.message as Buffer);
  return { id, messageId: info.messageId };
}

export interface MailboxEntry {
  id: string;
  subject: string;
  from: string;
  to: string;
  date: string | null;
}

export interface MailboxMessage extends MailboxEntry {
  messageId: string | null;
  replyTo: string | null;
  /** The first address in To (the recipient a reply comes from). */
  toAddress: string | null;
  html: string | null;
  text: string;
  attachments: { filename: string; contentType: string; size: number }[];
  raw: string;
}

const addressText = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a.map((x) => x.text).join(', ') : a?.text) ?? '';

const firstAddress = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a[0] : a)?.value[0]?.address ?? null;

/** Newest first. */
export async function listDevMailbox(limit = 200): Promise<MailboxEntry[]> {
  let files: string[];
  try {
    files = (await readdir(mailboxDir())).filter((f) => f.endsWith('.eml'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const ids = files
    .map((f) => f.slice(0, -'.eml'.length))
    .filter((id) => ID_SHAPE.test(id))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(ids.map(async (id) => summaryOf(id, await readDevMailbox(id))));
}

function summaryOf(id: string, m: MailboxMessage | null): MailboxEntry {
  return { id, subject: m?.subject ?? '', from: m?.from ?? '', to: m?.to ?? '', date: m?.date ?? null };
}

/** One message, or null for an unknown (or malformed, never a path) id. */
export async function readDevMailbox(id: string): Promise<MailboxMessage | null> {
  if (!ID_SHAPE.test(id)) return null;
  let raw: Buffer;
  try {
    raw = await readFile(join(mailboxDir(), `${id}.eml`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const parsed = await simpleParser(raw);
  return {
    id,
    subject: parsed.subject ?? '',
    from: addressText(parsed.from),
    to: addressText(parsed.to),
    toAddress: firstAddress(parsed.to),
    date: parsed.date?.toISOString() ?? null,
    messageId: parsed.messageId ?? null,
    replyTo: firstAddress(parsed.replyTo),
    html: parsed.html || null,
    text: parsed.text ?? '',
    attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, size: a.size })),
    raw: raw.toString('utf8'),
  };
}

/**
 * A reply to a mailbox message as a mail client would write it: from the recipient, to the
 * Reply-To address, In-Reply-To/References set, and the original quoted below a
 * "在 … 写道：" / "On … wrote:" line — so testing from the dev page goes through the same
 * parsing as a real reply.
 */
export async function composeDevReply(original: MailboxMessage, body: string): Promise<Buffer> {
  const when = original.date ? new Date(original.date).toUTCString() : 'an earlier date';
  const quoted = original.text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  const header = /[\u4e00-\u9fff]/.test(original.subject) ? `在 ${when}，${original.from} 写道：` : `On ${when}, ${original.from} wrote:`;
  const info = await streamTransport.sendMail({
    from: original.toAddress ?? undefined,
    to: original.replyTo ?? undefined,
    subject: `Re: ${original.subject}`,
    inReplyTo: original.messageId ?? undefined,
    references: original.messageId ?? undefined,
    text: `${body}\n\n${header}\n${quoted}\n`,
  });
  return info.message as Buffer;
}
