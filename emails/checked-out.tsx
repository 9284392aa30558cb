import { BookingNotice } from './components/booking-notice';
import { DetailTable } from './components/detail-table';
import { formatInstant } from './components/format';
import { previewBooking, previewLinks, type BaseMailProps } from './components/types';

export interface CheckedOutProps extends BaseMailProps {
  /** ISO instant of the check-out. */
  checkedOutAt: string;
  condition: 'ok' | 'issue';
  notes: string;
  /** The return checklist as answered, labels in the mail's language. */
  checklist: { label: string; done: boolean; note?: string }[];
}

/** The applicant's receipt for a check-out: when, the checklist as answered, and the condition. */
export default function CheckedOut(props: CheckedOutProps) {
  return (
    <BookingNotice
      messageKey="checkedOut"
      mail={props}
      bodyValues={() => ({ time: formatInstant(props.checkedOutAt, props.locale, props.booking.timeZone) })}
      extraRows={(t) => [
        [t('checkedOut.condition'), t(`checkedOut.conditions.${props.condition}`)],
        [t('details.notes'), props.notes],
      ]}
      after={(t) =>
        props.checklist.length > 0 ? (
          <DetailTable
            rows={props.checklist.map((item) => [
              item.label,
              `${t(item.done ? 'checkedOut.done' : 'checkedOut.notDone')}${item.note ? ` · ${item.note}` : ''}`,
            ])}
          />
        ) : null
      }
    />
  );
}

CheckedOut.PreviewProps = {
  locale: 'zh',
  recipientName: '张销售',
  booking: previewBooking,
  links: previewLinks,
  checkedOutAt: '2026-12-01T03:10:00.000Z',
  condition: 'issue',
  notes: '投影仪遥控器电池没电了。',
  checklist: [
    { label: '关闭投影仪和屏幕', done: true },
    { label: '擦净白板', done: false, note: '白板笔写的字擦不掉' },
  ],
} satisfies CheckedOutProps;
