import { BookingNotice } from './components/booking-notice';
import { formatInstant } from './components/format';
import { previewBooking, previewDeadline, previewLinks, type BaseMailProps } from './components/types';

export interface ExpiredProps extends BaseMailProps {
  /** ISO instant of the deadline that passed. */
  deadline: string;
}

export default function Expired(props: ExpiredProps) {
  return (
    <BookingNotice
      messageKey="expired"
      mail={props}
      bodyValues={() => ({ deadline: formatInstant(props.deadline, props.locale, props.booking.timeZone) })}
    />
  );
}

Expired.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  deadline: previewDeadline,
} satisfies ExpiredProps;
