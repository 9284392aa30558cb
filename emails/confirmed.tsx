import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, previewNotes, type BaseMailProps } from './components/types';

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
  notes: previewNotes,
} satisfies ConfirmedProps;
