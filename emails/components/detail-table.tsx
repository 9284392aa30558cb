import { Column, Row, Section, Text } from '@react-email/components';
import type { EmailLocale } from './locale';
import { formatSlot } from './format';
import type { EmailT } from './i18n';
import type { BookingSummary } from './types';

const labelStyle = { color: '#64748b', fontSize: '14px', margin: '4px 0', width: '120px', verticalAlign: 'top' } as const;
const valueStyle = { color: '#0f172a', fontSize: '14px', margin: '4px 0', whiteSpace: 'pre-wrap' } as const;

/** Label/value pairs; empty values are left out. */
export function DetailTable({ rows }: { rows: [label: string, value: string | null | undefined][] }) {
  return (
    <Section style={{ backgroundColor: '#f8fafc', borderRadius: '6px', margin: '8px 0 16px', padding: '12px 16px' }}>
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <Row key={label}>
            <Column style={labelStyle}>
              <Text style={{ ...labelStyle, width: undefined }}>{label}</Text>
            </Column>
            <Column>
              <Text style={valueStyle}>{value}</Text>
            </Column>
          </Row>
        ))}
    </Section>
  );
}

/** The booking's reference, resource, place and time (in the org time zone), plus extra rows. */
export function BookingDetails({
  t,
  locale,
  booking,
  extra = [],
}: {
  t: EmailT;
  locale: EmailLocale;
  booking: BookingSummary;
  extra?: [string, string | null | undefined][];
}) {
  return (
    <DetailTable
      rows={[
        [t('details.reference'), booking.reference],
        [t('details.resource'), booking.resourceName],
        [t('details.place'), booking.location],
        [t('details.time'), formatSlot(booking.startAt, booking.endAt, locale, booking.timeZone)],
        [t('details.purpose'), booking.purpose],
        [t('details.attendees'), booking.attendees === null ? null : String(booking.attendees)],
        ...extra,
      ]}
    />
  );
}
