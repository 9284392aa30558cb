import { BookingNotice } from './components/booking-notice';
import { Quote } from './components/quote';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ReplyUnrecognizedProps extends BaseMailProps {
  /** The replying address. */
  from: string;
  /** The start of the reply, quoted history removed. */
  excerpt: string;
}

export default function ReplyUnrecognized(props: ReplyUnrecognizedProps) {
  return (
    <BookingNotice
      messageKey="replyUnrecognized"
      mail={props}
      bodyValues={() => ({ from: props.from, reference: props.booking.reference })}
      before={() => <Quote>{props.excerpt}</Quote>}
    />
  );
}

ReplyUnrecognized.PreviewProps = {
  locale: 'zh',
  recipientName: '王行政',
  booking: previewBooking,
  links: previewLinks,
  from: 'staff@example.com',
  excerpt: '能否改到下午？',
} satisfies ReplyUnrecognizedProps;
