/**
 * A small SMTP listener for self-hosting without a mail provider's inbound webhook: it receives
 * replies to booking e-mails and POSTs each raw message to the app's /api/inbound/email.
 *
 * Use:
 *   1. Point mail for the reply address at this machine — e.g. an MX record for MAIL_DOMAIN, or
 *      a forward/transport rule on your mail server that relays `reply+*@MAIL_DOMAIN` here.
 *   2. Run it beside the app, with the same INBOUND_EMAIL_SECRET:
 *        INBOUND_EMAIL_SECRET=… APP_URL=https://booking.example.com npx tsx scripts/smtp-inbound.ts
 *
 * Environment:
 *   INBOUND_SMTP_PORT   port to listen on (default 2526; 25 for a direct MX, which needs root)
 *   INBOUND_SMTP_HOST   address to listen on (default 0.0.0.0)
 *   INBOUND_POST_URL    where to post (default $APP_URL/api/inbound/email)
 *   INBOUND_SMTP_TLS_KEY, INBOUND_SMTP_TLS_CERT  PEM files for STARTTLS; without them STARTTLS is
 *                       not offered (fine behind your own relay or on a private network)
 *   INBOUND_EMAIL_SECRET, INBOUND_REPLY_LOCAL, APP_URL as for the app.
 *
 * Only recipients of the form {INBOUND_REPLY_LOCAL}+{booking id}[.signature]@… are accepted (550
 * for any other), so it is no open relay. The app checks the signature (it holds the secret), so
 * a reply to an unsigned or forged address is still passed on: the app refuses it and records it
 * for admin. When the app cannot be reached the sender gets a temporary
 * 451 and its server retries later, so no reply is lost.
 */
import { readFileSync } from 'node:fs';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { isReplyAddress } from '@/lib/mail/addresses';
import { absoluteUrl } from '@/lib/mail/config';

const MAX_BYTES = 5 * 1024 * 1024;
const port = Number(process.env.INBOUND_SMTP_PORT ?? 2526);
const host = process.env.INBOUND_SMTP_HOST ?? '0.0.0.0';
const postUrl = process.env.INBOUND_POST_URL ?? absoluteUrl('/api/inbound/email');
const secret = process.env.INBOUND_EMAIL_SECRET;
const tlsKey = process.env.INBOUND_SMTP_TLS_KEY;
const tlsCert = process.env.INBOUND_SMTP_TLS_CERT;

if (!secret) {
  console.error('INBOUND_EMAIL_SECRET is not set: the app would refuse every message.');
  process.exit(1);
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

async function forward(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) throw smtpError('Message too large', 552);
  let response: Response;
  try {
    response = await fetch(postUrl, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'message/rfc822' },
      body: Buffer.concat(chunks),
    });
  } catch (error) {
    console.error(`[smtp-inbound] ${session.id}: cannot reach ${postUrl}:`, (error as Error).message);
    throw smtpError('Temporary failure, try again later', 451);
  }
  const answer = await response.text();
  const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '<>';
  console.log(`[smtp-inbound] ${session.id} from ${sender}: ${response.status} ${answer}`);
  if (response.status === 413) throw smtpError('Message too large', 552);
  if (!response.ok) throw smtpError('Temporary failure, try again later', 451);
}

const server = new SMTPServer({
  name: new URL(postUrl).hostname,
  banner: 'booking replies',
  size: MAX_BYTES,
  authOptional: true,
  // smtp-server's built-in certificate has a published key: offer STARTTLS only with our own.
  ...(tlsKey && tlsCert
    ? { key: readFileSync(tlsKey), cert: readFileSync(tlsCert), disabledCommands: ['AUTH'] }
    : { disabledCommands: ['AUTH', 'STARTTLS'] }),
  onRcptTo(address, _session, callback) {
    if (isReplyAddress(address.address)) return callback();
    callback(smtpError('No such recipient here', 550));
  },
  onData(stream, session, callback) {
    forward(stream, session).then(() => callback(), callback);
  },
});

server.on('error', (error) => console.error('[smtp-inbound]', error.message));
server.listen(port, host, () => console.log(`[smtp-inbound] listening on ${host}:${port}, posting to ${postUrl}`));
