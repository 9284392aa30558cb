import { BookingNotice } from './components/booking-notice';
import { ConfirmButtons, type ConfirmLinks } from './components/confirm-buttons';
import { formatInstant } from './components/format';
import { previewBooking, previewConfirmLinks, previewDeadline, previewNotes, type BaseMailProps } from './components/types';

export interface ConfirmationReminderProps extends BaseMailProps<ConfirmLinks> {
  notes: string;
  /** ISO instant of the confirmation deadline. */
  deadline: string;
}

export default function ConfirmationReminder(props: ConfirmationReminderProps) {
  const { locale, booking } = props;
  return (
    <BookingNotice
      messageKey="confirmationReminder"
      mail={props}
      bodyValues={() => ({ deadline: formatInstant(props.deadline, locale, booking.timeZone) })}
      extraRows={(t) => [[t('details.notes'), props.notes]]}
      after={(t) => <ConfirmButtons t={t} links={props.links} />}
      action={null}
    />
  );
}

ConfirmationReminder.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  notes: previewNotes,
  deadline: previewDeadline,
  links: previewConfirmLinks,
} satisfies ConfirmationReminderProps;
