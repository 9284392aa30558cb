import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface CancelledProps extends BaseMailProps {
  reason: string;
}

export default function Cancelled(props: CancelledProps) {
  return <BookingNotice messageKey="cancelled" mail={props} extraRows={(t) => [[t('details.reason'), props.reason]]} />;
}

Cancelled.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  reason: '会议取消',
} satisfies CancelledProps;
