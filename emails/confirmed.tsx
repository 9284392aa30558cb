import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ConfirmedProps extends BaseMailProps {
  notes: string;
}

export default function Confirmed(props: ConfirmedProps) {
  return <BookingNotice messageKey="confirmed" mail={props} extraRows={(t) => [[t('details.notes'), props.notes]]} />;
}

Confirmed.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  notes: '请在会议结束后关闭投影仪并擦净白板。',
} satisfies ConfirmedProps;
