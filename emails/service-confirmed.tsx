import { BookingNotice } from './components/booking-notice';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ServiceConfirmedProps extends BaseMailProps {
  customer: { name: string; company: string | null; phone: string; email: string | null; specialNeeds: string };
}

export default function ServiceConfirmed(props: ServiceConfirmedProps) {
  const { customer } = props;
  return (
    <BookingNotice
      messageKey="serviceConfirmed"
      mail={props}
      extraRows={(t) => [
        [t('details.applicant'), customer.name],
        [t('details.company'), customer.company],
        [t('details.phone'), customer.phone],
        [t('details.email'), customer.email],
        [t('details.specialNeeds'), customer.specialNeeds],
      ]}
    />
  );
}

ServiceConfirmed.PreviewProps = {
  locale: 'zh',
  recipientName: '客户服务部',
  booking: { ...previewBooking, resourceName: '产品展厅', location: '总部 1 楼', purpose: '参观展厅' },
  links: previewLinks,
  customer: {
    name: '刘女士',
    company: '苏州新居装饰工程有限公司',
    phone: '13912345678',
    email: 'liu@customer.example.com',
    specialNeeds: '需要讲解员介绍新款岩板',
  },
} satisfies ServiceConfirmedProps;
