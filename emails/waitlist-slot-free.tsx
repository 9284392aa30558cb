import { BookingNotice } from './components/booking-notice';
import { previewBooking, type BaseMailProps } from './components/types';

/**
 * The waitlist's notice: the wanted time is free. `booking` describes the wanted slot (no
 * reference or purpose yet); `links.book` opens the request form with it filled in.
 */
export type WaitlistSlotFreeProps = BaseMailProps<{ book: string }>;

export default function WaitlistSlotFree(props: WaitlistSlotFreeProps) {
  return <BookingNotice messageKey="waitlistSlotFree" mail={props} action={{ href: props.links.book }} />;
}

WaitlistSlotFree.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: { ...previewBooking, reference: '', purpose: '', attendees: null },
  links: {
    book: 'http://localhost:3000/bookings/new?resourceId=r1&startAt=2026-12-01T01%3A30%3A00.000Z&endAt=2026-12-01T03%3A30%3A00.000Z',
  },
} satisfies WaitlistSlotFreeProps;
