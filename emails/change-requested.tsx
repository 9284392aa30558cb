import { BookingNotice } from './components/booking-notice';
import { formatSlot } from './components/format';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface ChangeRequestedProps extends BaseMailProps {
  /** The slot asked for, held until Administration decides. */
  requested: { resourceName: string; startAt: string; endAt: string };
  reason: string;
}

/** To the applicant: the change request was received; both slots are held meanwhile. */
export default function ChangeRequested(props: ChangeRequestedProps) {
  const { requested, booking, locale } = props;
  return (
    <BookingNotice
      messageKey="changeRequested"
      mail={props}
      extraRows={(t) => [
        [t('details.requestedResource'), requested.resourceName],
        [t('details.requestedTime'), formatSlot(requested.startAt, requested.endAt, locale, booking.timeZone)],
        [t('details.reason'), props.reason],
      ]}
    />
  );
}

ChangeRequested.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  requested: { resourceName: '6楼大会议室', startAt: '2026-11-27T06:00:00.000Z', endAt: '2026-11-27T07:30:00.000Z' },
  reason: '客户改到周五下午来访',
} satisfies ChangeRequestedProps;
