import { BookingNotice } from './components/booking-notice';
import { ConfirmButtons, type ConfirmLinks } from './components/confirm-buttons';
import { formatInstant } from './components/format';
import { Paragraph } from './components/layout';
import { previewBooking, previewConfirmLinks, previewDeadline, previewNotes, type BaseMailProps } from './components/types';

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
        [t('details.deadline'), formatInstant(props.deadline, locale, booking.timeZone)],
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
  notes: previewNotes,
  deadline: previewDeadline,
  links: previewConfirmLinks,
} satisfies ApprovedProps;
