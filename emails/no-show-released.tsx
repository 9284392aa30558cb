import { BookingNotice } from './components/booking-notice';
import { formatInstant } from './components/format';
import { previewBooking, previewDeadline, previewLinks, type BaseMailProps } from './components/types';

export interface NoShowReleasedProps extends BaseMailProps {
  /** ISO instant of the check-in deadline that passed (start + grace). */
  deadline: string;
}

/** Nobody checked in within the grace period: the booking is a no-show and the rest of the slot is free again. */
export default function NoShowReleased(props: NoShowReleasedProps) {
  return (
    <BookingNotice
      messageKey="noShowReleased"
      mail={props}
      bodyValues={() => ({ deadline: formatInstant(props.deadline, props.locale, props.booking.timeZone) })}
    />
  );
}

NoShowReleased.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  deadline: previewDeadline,
} satisfies NoShowReleasedProps;
