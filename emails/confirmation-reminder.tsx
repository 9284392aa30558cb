import { BookingNotice } from './components/booking-notice';
import { ConfirmButtons, type ConfirmLinks } from './components/confirm-buttons';
import { formatInstant } from './components/i18n';
import { previewBooking, type BaseMailProps } from './components/types';

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
      bodyValues={(t) => ({ deadline: formatInstant(t, props.deadline, locale, booking.timeZone) })}
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
  notes: '请在会议结束后关闭投影仪并擦净白板。',
  deadline: '2026-11-25T02:00:00.000Z',
  links: {
    view: 'http://localhost:3000/bookings/00000000-0000-4000-8000-000000000000',
    confirm: 'http://localhost:3000/r/preview-token?intent=confirm',
    decline: 'http://localhost:3000/r/preview-token?intent=decline',
  },
} satisfies ConfirmationReminderProps;
