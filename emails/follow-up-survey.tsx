import { Link } from '@react-email/components';
import { BookingNotice } from './components/booking-notice';
import { Paragraph } from './components/layout';
import { previewBooking, type BaseMailProps } from './components/types';

/** After a customer's visit: a one-use link to the short follow-up survey (policy II.3). */
export interface FollowUpSurveyProps extends BaseMailProps<{ survey: string }> {
  /** How many days the link works. */
  days: number;
}

export default function FollowUpSurvey(props: FollowUpSurveyProps) {
  return (
    <BookingNotice
      messageKey="followUpSurvey"
      mail={props}
      bodyValues={() => ({ days: props.days })}
      action={{ href: props.links.survey }}
      after={(t) => (
        <Paragraph>
          {t('followUpSurvey.fallback', { days: props.days })} <Link href={props.links.survey}>{props.links.survey}</Link>
        </Paragraph>
      )}
    />
  );
}

FollowUpSurvey.PreviewProps = {
  locale: 'zh',
  recipientName: '刘女士',
  booking: { ...previewBooking, resourceName: '产品展厅', location: '总部 1 楼', purpose: '参观展厅' },
  links: { survey: 'http://localhost:3000/s/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG' },
  days: 14,
} satisfies FollowUpSurveyProps;
