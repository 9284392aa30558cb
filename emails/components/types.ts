import type { EmailLocale } from './locale';
import type { ConfirmLinks } from './confirm-buttons';

/** What every booking e-mail shows about the booking. Times are ISO 8601 instants. */
export interface BookingSummary {
  reference: string;
  resourceName: string;
  location: string;
  startAt: string;
  endAt: string;
  /** The organisation time zone every time is shown in. */
  timeZone: string;
  purpose: string;
  attendees: number | null;
}

/**
 * Props every template receives. `links` holds every URL of the mail; the outbox drops it once
 * the mail is sent, because link tokens are stored only hashed anywhere else.
 */
export interface BaseMailProps<Links extends Record<string, string> = { view: string }> {
  locale: EmailLocale;
  recipientName: string;
  booking: BookingSummary;
  links: Links;
}

export const previewBooking: BookingSummary = {
  reference: 'BK-2026-000123',
  resourceName: '301 会议室',
  location: '总部 3 楼',
  startAt: '2026-12-01T01:30:00.000Z',
  endAt: '2026-12-01T03:30:00.000Z',
  timeZone: 'Asia/Shanghai',
  purpose: '华东区经销商季度销售例会',
  attendees: 10,
};

export const previewLinks = { view: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000' };

export const previewConfirmLinks: ConfirmLinks = {
  ...previewLinks,
  confirm: 'http://localhost:3000/r/preview-token?intent=confirm',
  decline: 'http://localhost:3000/r/preview-token?intent=decline',
};

export const previewNotes = '请在会议结束后关闭投影仪并擦净白板。';

export const previewDeadline = '2026-11-25T02:00:00.000Z';
