import { BookingNotice } from './components/booking-notice';
import { previewBooking, type BaseMailProps } from './components/types';

export interface SeriesNoShowsProps extends BaseMailProps {
  /** The series' RS reference; `booking` is its latest missed date. */
  seriesReference: string;
  /** How many dates in a row nobody checked in to. */
  count: number;
}

/** Three dates in a row of a series went unused: the applicant and admin are warned, once. */
export default function SeriesNoShows(props: SeriesNoShowsProps) {
  return (
    <BookingNotice messageKey="seriesNoShows" mail={props} bodyValues={() => ({ series: props.seriesReference, count: props.count })} />
  );
}

SeriesNoShows.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: { view: 'https://booking.example.com/bookings/series/00000000-0000-4000-8000-000000000000' },
  seriesReference: 'RS-2026-000100',
  count: 3,
} satisfies SeriesNoShowsProps;
