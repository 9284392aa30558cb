import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface VisitReminderProps extends BaseMailProps {
  notes: string;
}

export default function VisitReminder(props: VisitReminderProps) {
  return <BookingNotice messageKey="visitReminder" mail={props} extraRows={(t) => [[t('details.notes'), props.notes]]} />;
}

VisitReminder.PreviewProps = {
  locale: 'zh',
  recipientName: '刘女士',
  booking: { ...previewBooking, resourceName: '产品展厅', location: '总部 1 楼', purpose: '参观展厅' },
  links: previewLinks,
  notes: '参观请穿平底鞋；展品请勿踩踏或敲击。',
} satisfies VisitReminderProps;
