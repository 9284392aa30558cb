import { BookingNotice } from './components/booking-notice';
import { ConfirmButtons, type ConfirmLinks } from './components/confirm-buttons';
import { formatInstant } from './components/i18n';
import { Paragraph } from './components/layout';
import { previewBooking, type BaseMailProps } from './components/types';

export interface ApprovedProps extends BaseMailProps<ConfirmLinks> {
  /** 审核意见 */
  opinion: string;
  /** The resource's notes for users (注意事项). */
  notes: string;
  /** ISO instant: confirm before this or the booking is deemed given up. */
  deadline: string;
}

export default function Approved(props: ApprovedProps) {
  const { locale, booking } = props;
  return (
    <BookingNotice
      messageKey="approved"
      mail={props}
      extraRows={(t) => [
        [t('details.opinion'), props.opinion],
        [t('details.notes'), props.notes],
        [t('details.deadline'), formatInstant(t, props.deadline, locale, booking.timeZone)],
      ]}
      after={(t) => (
        <>
          <ConfirmButtons t={t} links={props.links} />
          <Paragraph>{t('approved.ics')}</Paragraph>
        </>
      )}
      action={null}
    />
  );
}

Approved.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  opinion: '同意，请按时使用。',
  notes: '请在会议结束后关闭投影仪并擦净白板。',
  deadline: '2026-11-25T02:00:00.000Z',
  links: {
    view: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000',
    confirm: 'http://localhost:3000/r/preview-token?intent=confirm',
    decline: 'http://localhost:3000/r/preview-token?intent=decline',
  },
} satisfies ApprovedProps;
