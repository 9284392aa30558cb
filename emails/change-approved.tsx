import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ChangeApprovedProps extends BaseMailProps {
  opinion: string;
}

/** To the applicant: the booking now has the new time or resource; the attached .ics updates the event. */
export default function ChangeApproved(props: ChangeApprovedProps) {
  return <BookingNotice messageKey="changeApproved" mail={props} extraRows={(t) => [[t('details.opinion'), props.opinion]]} />;
}

ChangeApproved.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  opinion: '同意改期。',
} satisfies ChangeApprovedProps;
