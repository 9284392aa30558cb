import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface RejectedProps extends BaseMailProps {
  reason: string;
}

export default function Rejected(props: RejectedProps) {
  return <BookingNotice messageKey="rejected" mail={props} extraRows={(t) => [[t('details.reason'), props.reason]]} />;
}

Rejected.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  reason: '当天会议室另有安排，请改约其他时间。',
} satisfies RejectedProps;
