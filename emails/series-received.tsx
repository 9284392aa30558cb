import { Section, Text } from '@react-email/components';
import { BookingNotice } from './components/booking-notice';
import { formatSlot } from './components/format';
import { textStyle } from './components/layout';
import { previewBooking, type BaseMailProps } from './components/types';

/** One date of the series as submitted: requested (a booking), or not (taken, refused, a day off). */
export interface SeriesReceivedDate {
  n: number;
  startAt: string;
  endAt: string;
  status: 'requested' | 'taken' | 'unavailable' | 'skipped';
}

/**
 * One "request received" mail for a whole recurring series (not one per date): `booking` is the
 * series (its RS reference, its first date's slot), then every date with what became of it.
 */
export interface SeriesReceivedProps extends BaseMailProps {
  dates: SeriesReceivedDate[];
}

const rowStyle = { ...textStyle, margin: '2px 0' } as const;

export default function SeriesReceived(props: SeriesReceivedProps) {
  const { locale, booking } = props;
  const requested = props.dates.filter((d) => d.status === 'requested').length;
  return (
    <BookingNotice
      messageKey="seriesReceived"
      mail={props}
      bodyValues={() => ({ count: requested, total: props.dates.length })}
      after={(t) => (
        <Section style={{ margin: '0 0 16px' }}>
          {props.dates.map((d) => (
            <Text key={d.n} style={rowStyle}>
              {`${d.n}. ${formatSlot(d.startAt, d.endAt, locale, booking.timeZone)} · ${t(`seriesReceived.status.${d.status}`)}`}
            </Text>
          ))}
        </Section>
      )}
    />
  );
}

SeriesReceived.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: { ...previewBooking, reference: 'RS-2026-000100' },
  links: { view: 'http://localhost:3000/bookings/series/00000000-0000-4000-8000-000000000000' },
  dates: [
    { n: 1, startAt: previewBooking.startAt, endAt: previewBooking.endAt, status: 'requested' },
    { n: 2, startAt: '2026-12-08T01:30:00.000Z', endAt: '2026-12-08T03:30:00.000Z', status: 'taken' },
    { n: 3, startAt: '2026-12-15T01:30:00.000Z', endAt: '2026-12-15T03:30:00.000Z', status: 'requested' },
  ],
} satisfies SeriesReceivedProps;
