import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export type RequestReceivedProps = BaseMailProps;

export default function RequestReceived(props: RequestReceivedProps) {
  return <BookingNotice messageKey="requestReceived" mail={props} />;
}

RequestReceived.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
} satisfies RequestReceivedProps;
