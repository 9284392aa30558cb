import { useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { Booking } from '@/db/schema';

/** What admin must notice about a request at a glance: who asks and what needs care. */
export function RequestBadges({ booking, coordinationOpen }: { booking: Booking; coordinationOpen: boolean }) {
  const t = useTranslations('review.badges');
  const badges = [
    booking.priority === 'priority' && <Badge key="priority" variant="danger">{t('priority')}</Badge>,
    booking.requesterKind === 'customer' && <Badge key="customer" variant="info">{t('customer')}</Badge>,
    booking.importantCustomer && <Badge key="important" variant="warning">{t('importantCustomer')}</Badge>,
    booking.specialNeeds.trim() !== '' && <Badge key="needs" variant="outline">{t('specialNeeds')}</Badge>,
    coordinationOpen && <Badge key="coordination" variant="warning">{t('coordinationPending')}</Badge>,
    !booking.holdsSlot && <Badge key="hold" variant="neutral">{t('noHold')}</Badge>,
  ].filter(Boolean);
  if (badges.length === 0) return null;
  return <div className="flex flex-wrap gap-1.5">{badges}</div>;
}
