/**
 * Where e-mail goes:
 * - SMTP_URL set: that SMTP server (nodemailer; the URL may carry user, password and options
 *   such as `?pool=true`);
 * - no SMTP_URL outside production: the development mailbox, .eml files read by /dev/mailbox;
 * - no SMTP_URL in production: sending fails with `MailNotConfiguredError`, and the outbox keeps
 *   the messages queued with that reason until the variable is set.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { devMailboxEnabled, smtpUrl } from './config';
import { saveToDevMailbox } from './dev-mailbox';

export class MailNotConfiguredError extends Error {
  override name = 'MailNotConfiguredError';
  constructor() {
    super('SMTP_URL is not set, so no e-mail can be sent in production. Set SMTP_URL (e.g. smtp://user:pass@smtp.example.com:587); queued mail is sent once it is.');
  }
}

export interface SentMail {
  messageId: string;
  /** `smtp`, or `mailbox` for the development mailbox (the .eml file's id). */
  via: 'smtp' | 'mailbox';
  mailboxId?: string;
}

const smtpTransports = new Map<string, Transporter>();

/**
 * One transporter per URL. Short timeouts (unless the URL says otherwise): a hanging server
 * must fail the attempt well before the outbox lease runs out, so the retry schedule takes over.
 */
function smtpTransport(url: string): Transporter {
  let transport = smtpTransports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
      ...parseConnectionUrl(url),
    });
    smtpTransports.set(url, transport);
  }
  return transport;
}

export async function sendMail(message: Mail.Options, env: NodeJS.ProcessEnv = process.env): Promise<SentMail> {
  const url = smtpUrl(env);
  if (url) {
    const info = await smtpTransport(url).sendMail(message);
    return { messageId: info.messageId, via: 'smtp' };
  }
  if (!devMailboxEnabled(env)) throw new MailNotConfiguredError();
  const saved = await saveToDevMailbox(message);
  return { messageId: saved.messageId, via: 'mailbox', mailboxId: saved.id };
}
