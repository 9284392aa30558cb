/** /m/<token>: a customer's page for their booking, from the link in their e-mails — the one link page. */
import {
  cancelByLinkAction,
  checkInByLinkAction,
  reportProblemByLinkAction,
  requestChangeByLinkAction,
  respondByLinkAction,
  supplementByLinkAction,
} from '@/app/actions/booking-link';
import { setLocaleAction } from '@/app/actions/locale';
import { BookingLinkPage, linkPageMetadata } from '@/components/booking/link-page/booking-link-page';

export const metadata = linkPageMetadata;

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string | string[]; intent?: string | string[] }> };

export default async function LinkPage({ params, searchParams }: Props) {
  const [{ token }, query] = await Promise.all([params, searchParams]);
  return (
    <BookingLinkPage
      token={token}
      path="m"
      query={query}
      actions={{
        respond: respondByLinkAction,
        cancel: cancelByLinkAction,
        setLocale: setLocaleAction,
        checkIn: checkInByLinkAction,
        requestChange: requestChangeByLinkAction,
        supplement: supplementByLinkAction,
        reportProblem: reportProblemByLinkAction,
      }}
    />
  );
}
