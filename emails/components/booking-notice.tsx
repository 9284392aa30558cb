import type { ReactNode } from 'react';
import { ActionButton } from './action-button';
import { BookingDetails } from './detail-table';
import { emailTranslator, type EmailT } from './i18n';
import { EmailLayout, Paragraph } from './layout';
import type { BaseMailProps } from './types';

/**
 * The common shape of a booking e-mail: heading and body from `email.<messageKey>.*`, the
 * booking's details, optional content, and one main button. Templates differ only in what
 * they add, so each stays a few lines.
 */
export function BookingNotice({
  messageKey,
  mail,
  bodyValues,
  extraRows,
  before,
  after,
  action,
}: {
  messageKey: string;
  mail: BaseMailProps<Record<string, string>>;
  bodyValues?: (t: EmailT) => Record<string, string | number>;
  extraRows?: (t: EmailT) => [string, string | null | undefined][];
  /** Content between the body text and the details. */
  before?: (t: EmailT) => ReactNode;
  /** Content after the details, before the button. */
  after?: (t: EmailT) => ReactNode;
  /** The main button, labelled `<messageKey>.action`; links to `links.view` unless `href` is given. */
  action?: { href: string } | null;
}) {
  const { locale, booking } = mail;
  const t = emailTranslator(locale);
  const heading = t(`${messageKey}.heading`);
  const href = action === undefined ? mail.links.view : action?.href;
  return (
    <EmailLayout locale={locale} t={t} preview={`${heading} · ${booking.reference}`} heading={heading} recipientName={mail.recipientName}>
      <Paragraph>{t(`${messageKey}.body`, bodyValues?.(t))}</Paragraph>
      {before?.(t)}
      <BookingDetails t={t} locale={locale} booking={booking} extra={extraRows?.(t)} />
      {after?.(t)}
      {href ? <ActionButton href={href}>{t(`${messageKey}.action`)}</ActionButton> : null}
    </EmailLayout>
  );
}
