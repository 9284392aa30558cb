/**
 * Mail settings from the environment, read when needed (never at import) so that tests and
 * `next build` need none of them.
 *
 * - APP_URL            absolute base of links in e-mails (default http://localhost:<the port the
 *                      server listens on>, which Next.js puts in PORT; 3000 outside a server)
 * - MAIL_FROM          sender address (default booking@example.com); a display name given here is
 *                      used for every mail, otherwise each mail is signed in its own language
 * - MAIL_DOMAIN        right-hand side of Message-IDs and reply addresses (default: APP_URL's host)
 * - INBOUND_REPLY_LOCAL local part of the reply address, plus-addressed per booking (default reply)
 * - SMTP_URL           outgoing SMTP server, e.g. smtp://user:pass@smtp.example.com:587
 * - MAILBOX_DIR        the development mailbox when SMTP_URL is unset (default .data/mailbox)
 */
import { join, resolve } from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';

export function appUrl(env: NodeJS.ProcessEnv = process.env): string {
  // `next dev -p 3001` (or a port Next.js moved to because 3000 was taken) must not send
  // links to :3000: Next.js sets PORT to the port it actually serves on.
  const port = /^\d{1,5}$/.test(env.PORT?.trim() ?? '') ? env.PORT!.trim() : '3000';
  return (env.APP_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
}

/** An absolute URL for a path of the app (`/r/abc` → `https://host/r/abc`). */
export function absoluteUrl(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return `${appUrl(env)}${path.startsWith('/') ? path : `/${path}`}`;
}

export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM?.trim() || 'booking@example.com';
}

/** The From of one mail: MAIL_FROM as given if it names the sender, else `displayName <address>`. */
export function senderFor(displayName: string, env: NodeJS.ProcessEnv = process.env): string | { name: string; address: string } {
  const from = mailFrom(env);
  const [parsed] = addressparser(from, { flatten: true });
  if (!parsed?.address || parsed.name) return from;
  return { name: displayName, address: parsed.address };
}

export function mailDomain(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.MAIL_DOMAIN?.trim();
  if (explicit) return explicit.toLowerCase();
  return new URL(appUrl(env)).hostname.toLowerCase();
}

export function replyLocalPart(env: NodeJS.ProcessEnv = process.env): string {
  return (env.INBOUND_REPLY_LOCAL?.trim() || 'reply').toLowerCase();
}

export function smtpUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.SMTP_URL?.trim() || undefined;
}

export function mailboxDir(env: NodeJS.ProcessEnv = process.env): string {
  // A run-time location, not a source file: keep the build's file tracing out of it.
  return resolve(/* turbopackIgnore: true */ env.MAILBOX_DIR?.trim() || join(process.cwd(), '.data', 'mailbox'));
}

/** The dev mailbox (and its page) exist only outside production. */
export function devMailboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production';
}
