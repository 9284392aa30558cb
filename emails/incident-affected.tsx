import { Link, Section, Text } from '@react-email/components';
import { BookingNotice } from './components/booking-notice';
import { formatSlot } from './components/format';
import { Paragraph, textStyle } from './components/layout';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';
import type { DisplacedAlternative } from './displaced';

export interface IncidentAffectedProps extends BaseMailProps {
  /** What was reported about the resource (or why it is maintained). */
  description: string;
  alternatives: DisplacedAlternative[];
}

/**
 * A damage report put the booked resource under maintenance during the booking; with
 * `messageKey` 'maintenanceScheduled', admin planned maintenance over it (same layout).
 */
export default function IncidentAffected(props: IncidentAffectedProps & { messageKey?: 'incidentAffected' | 'maintenanceScheduled' }) {
  const { locale, booking } = props;
  const key = props.messageKey ?? 'incidentAffected';
  return (
    <BookingNotice
      messageKey={key}
      mail={props}
      extraRows={(t) => [[t(`${key}.problem`), props.description]]}
      after={(t) =>
        props.alternatives.length > 0 ? (
          <Section>
            <Paragraph>{t(`${key}.alternatives`)}</Paragraph>
            {props.alternatives.map((alt) => (
              <Text key={`${alt.url}|${alt.startAt}`} style={{ ...textStyle, margin: '4px 0' }}>
                <Link href={alt.url}>
                  {alt.resourceName} · {formatSlot(alt.startAt, alt.endAt, locale, booking.timeZone)}
                </Link>
              </Text>
            ))}
          </Section>
        ) : (
          <Paragraph>{t(`${key}.noAlternatives`)}</Paragraph>
        )
      }
    />
  );
}

IncidentAffected.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  description: '投影仪无法开机',
  alternatives: [
    {
      resourceName: '302 会议室',
      startAt: '2026-12-01T01:30:00.000Z',
      endAt: '2026-12-01T03:30:00.000Z',
      url: 'http://localhost:3000/bookings/new?resourceId=r2&startAt=2026-12-01T01%3A30%3A00.000Z&endAt=2026-12-01T03%3A30%3A00.000Z',
    },
  ],
} satisfies IncidentAffectedProps;
