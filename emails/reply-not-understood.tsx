import { BookingNotice } from './components/booking-notice';
import { Paragraph } from './components/layout';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

/** To the applicant: their reply said neither yes nor no; which words work; the office reads it. */
export type ReplyNotUnderstoodProps = BaseMailProps;

export default function ReplyNotUnderstood(props: ReplyNotUnderstoodProps) {
  return (
    <BookingNotice
      messageKey="replyNotUnderstood"
      mail={props}
      bodyValues={() => ({ reference: props.booking.reference })}
      before={(t) => <Paragraph>{t('replyNotUnderstood.words')}</Paragraph>}
    />
  );
}

ReplyNotUnderstood.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
} satisfies ReplyNotUnderstoodProps;
