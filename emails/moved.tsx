import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface MovedProps extends BaseMailProps {
  reason: string;
}

/** To the applicant: Administration moved the booking; the attached .ics updates the event. */
export default function Moved(props: MovedProps) {
  return <BookingNotice messageKey="moved" mail={props} extraRows={(t) => [[t('details.reason'), props.reason]]} />;
}

Moved.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  reason: '原会议室需临时检修，已为您调整。',
} satisfies MovedProps;
