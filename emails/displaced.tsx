import { Link, Section, Text } from '@react-email/components';
import { BookingNotice } from './components/booking-notice';
import { formatSlot } from './components/format';
import { Paragraph, textStyle } from './components/layout';
import { previewBooking, type BaseMailProps } from './components/types';

export interface DisplacedAlternative {
  resourceName: string;
  startAt: string;
  endAt: string;
  /** Opens the new-booking form with this resource and slot filled in. */
  url: string;
}

export interface DisplacedProps extends BaseMailProps<{ view: string; newBooking: string }> {
  reason: string;
  alternatives: DisplacedAlternative[];
}

export default function Displaced(props: DisplacedProps) {
  const { locale, booking } = props;
  return (
    <BookingNotice
      messageKey="displaced"
      mail={props}
      extraRows={(t) => [[t('details.reason'), props.reason]]}
      after={(t) =>
        props.alternatives.length > 0 ? (
          <Section>
            <Paragraph>{t('displaced.alternatives')}</Paragraph>
            {props.alternatives.map((alt) => (
              <Text key={alt.url} style={{ ...textStyle, margin: '4px 0' }}>
                <Link href={alt.url}>
                  {alt.resourceName} · {formatSlot(alt.startAt, alt.endAt, locale, booking.timeZone)}
                </Link>
              </Text>
            ))}
          </Section>
        ) : (
          <Paragraph>{t('displaced.noAlternatives')}</Paragraph>
        )
      }
      action={{ href: props.links.newBooking }}
    />
  );
}

Displaced.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  reason: '为客户让出时段',
  links: {
    view: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000',
    newBooking: 'http://localhost:3000/bookings/new',
  },
  alternatives: [
    {
      resourceName: '301 会议室',
      startAt: '2026-12-01T06:00:00.000Z',
      endAt: '2026-12-01T08:00:00.000Z',
      url: 'http://localhost:3000/bookings/new?resourceId=r1&startAt=2026-12-01T06%3A00%3A00.000Z&endAt=2026-12-01T08%3A00%3A00.000Z',
    },
    {
      resourceName: '302 会议室',
      startAt: '2026-12-01T01:30:00.000Z',
      endAt: '2026-12-01T03:30:00.000Z',
      url: 'http://localhost:3000/bookings/new?resourceId=r2&startAt=2026-12-01T01%3A30%3A00.000Z&endAt=2026-12-01T03%3A30%3A00.000Z',
    },
  ],
} satisfies DisplacedProps;
