/**
 * A small RFC 5545 writer for subscribed feeds. A feed can hold thousands of events and is
 * polled every few minutes by every subscriber; ical-generator (used for the one-event
 * invitations, lib/mail/ics.ts) took about a millisecond per event, so feeds write the few
 * properties they use directly: TEXT escaping (§3.3.11), UTC DATE-TIME (§3.3.5), CRLF line
 * endings and folding at 75 octets without splitting a character (§3.1).
 */
export interface IcsEvent {
  uid: string;
  sequence?: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  status: 'CONFIRMED' | 'TENTATIVE';
}

export interface IcsCalendar {
  name: string;
  description?: string;
  /** `-//company//product//LANG` */
  prodId: string;
  refreshMinutes: number;
}

const escapeText = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

const utc = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets; continuation lines start with one space. */
export function foldLine(line: string): string {
  // At most 3 octets per UTF-16 unit: most lines are short enough without counting.
  if (line.length <= 25 || Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    // The first line holds 75 octets; continuations 74 after their leading space.
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function writeCalendar(calendar: IcsCalendar, events: Iterable<IcsEvent>): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${calendar.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    `REFRESH-INTERVAL;VALUE=DURATION:PT${calendar.refreshMinutes}M`,
    `X-PUBLISHED-TTL:PT${calendar.refreshMinutes}M`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      ...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
      `DTSTAMP:${utc(event.stamp)}`,
      `DTSTART:${utc(event.start)}`,
      `DTEND:${utc(event.end)}`,
      `SUMMARY:${escapeText(event.summary)}`,
      ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
      ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
      `STATUS:${event.status}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
