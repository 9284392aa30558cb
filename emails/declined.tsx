import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export type DeclinedProps = BaseMailProps;

export default function Declined(props: DeclinedProps) {
  return <BookingNotice messageKey="declined" mail={props} />;
}

Declined.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
} satisfies DeclinedProps;
