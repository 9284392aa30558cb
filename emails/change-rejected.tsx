import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ChangeRejectedProps extends BaseMailProps {
  reason: string;
}

/** To the applicant: the change was refused; the booking stays as it was. */
export default function ChangeRejected(props: ChangeRejectedProps) {
  return <BookingNotice messageKey="changeRejected" mail={props} extraRows={(t) => [[t('details.reason'), props.reason]]} />;
}

ChangeRejected.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  reason: '新时段已安排设备检修。',
} satisfies ChangeRejectedProps;
