import { BookingNotice } from './components/booking-notice';
import { Paragraph } from './components/layout';
import { Quote } from './components/quote';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface InfoRequestedProps extends BaseMailProps {
  /** Administration's question. */
  message: string;
}

export default function InfoRequested(props: InfoRequestedProps) {
  return (
    <BookingNotice
      messageKey="infoRequested"
      mail={props}
      before={(t) => (
        <>
          <Quote>{props.message}</Quote>
          <Paragraph>{t('infoRequested.after')}</Paragraph>
        </>
      )}
    />
  );
}

InfoRequested.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  message: '请说明参会的外部人员名单。',
} satisfies InfoRequestedProps;
