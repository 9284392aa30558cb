/**
 * Turns an outbox row into what is sent: subject, HTML, plain text, the sender's display name in
 * the mail's language and, where lib/mail/ics.ts says so, the calendar part (REQUEST or CANCEL).
 */
import { render } from '@react-email/render';
import { createElement, type ComponentType } from 'react';
import { isTemplateName, templates, type TemplateProps } from '@/emails';
import { formatInstant } from '@/emails/components/format';
import { emailTranslator } from '@/emails/components/i18n';
import type { BaseMailProps } from '@/emails/components/types';
import type { OutboxRow } from '@/db/schema';
import { fillLinkTokens } from '@/lib/tokens';
import { bookingInvitation, CALENDAR_METHOD, type CalendarMethod } from './ics';

export interface RenderedEmail {
  subject: string;
  /** The display name of the sender, in the mail's language (lib/mail/config.ts `senderFor`). */
  senderName: string;
  html: string;
  text: string;
  /** The iCalendar part, for mails that carry one. */
  ics?: { method: CalendarMethod; content: string };
}

export async function renderEmail(row: Pick<OutboxRow, 'template' | 'locale' | 'payload' | 'toAddress' | 'bookingId'>): Promise<RenderedEmail> {
  if (!isTemplateName(row.template)) throw new Error(`Unknown e-mail template "${row.template}"`);
  const { component, messageKey } = templates[row.template];
  // Link tokens exist only here, on their way to the mail server (lib/tokens.ts).
  const props = { ...fillLinkTokens(row.payload), locale: row.locale } as unknown as TemplateProps[typeof row.template] & BaseMailProps<Record<string, string>>;
  const element = createElement(component as ComponentType<typeof props>, props);
  const t = emailTranslator(row.locale);
  const { booking } = props;
  const deadline = (props as { deadline?: string }).deadline;
  // Account mails (a password link) and rectification items are about no booking; they may
  // carry their subject's values themselves.
  const subject = booking
    ? t(`${messageKey}.subject`, {
        reference: booking.reference,
        resource: booking.resourceName,
        deadline: deadline ? formatInstant(deadline, row.locale, booking.timeZone) : '',
      })
    : t(`${messageKey}.subject`, (props as { subjectValues?: Record<string, string> }).subjectValues);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);

  const { calendar, notes } = row.payload as { calendar?: { sequence: number }; notes?: string };
  const method = CALENDAR_METHOD[row.template];
  let ics: RenderedEmail['ics'];
  if (method && booking && row.bookingId && (method === 'REQUEST' || calendar)) {
    const content = bookingInvitation({
      method,
      bookingId: row.bookingId,
      sequence: calendar?.sequence ?? 0,
      reference: booking.reference,
      resourceName: booking.resourceName,
      location: booking.location,
      startAt: booking.startAt,
      endAt: booking.endAt,
      description: [booking.purpose, notes].filter(Boolean).join('\n\n'),
      attendee: { name: props.recipientName, email: row.toAddress },
      organizerName: t('layout.product'),
      confirmed: row.template === 'confirmed',
    });
    ics = { method, content };
  }
  return { subject, senderName: t('layout.product'), html, text, ics };
}
