import { BookingNotice } from './components/booking-notice';
import { Quote } from './components/quote';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface CoordinationRequestedProps extends BaseMailProps {
  /** Administration's message to the department. */
  message: string;
  applicantName: string;
  company: string | null;
  specialNeeds: string;
}

export default function CoordinationRequested(props: CoordinationRequestedProps) {
  return (
    <BookingNotice
      messageKey="coordinationRequested"
      mail={props}
      before={() => <Quote>{props.message}</Quote>}
      extraRows={(t) => [
        [t('details.applicant'), props.applicantName],
        [t('details.company'), props.company],
        [t('details.specialNeeds'), props.specialNeeds],
      ]}
    />
  );
}

CoordinationRequested.PreviewProps = {
  locale: 'zh',
  recipientName: '陈技术',
  booking: { ...previewBooking, resourceName: '产品展厅', purpose: '参观展厅' },
  links: previewLinks,
  message: '重要客户来访，请技术部安排讲解员。',
  applicantName: '刘女士',
  company: '苏州新居装饰工程有限公司',
  specialNeeds: '需要讲解员介绍新款岩板',
} satisfies CoordinationRequestedProps;
