/**
 * A booking whose slot a blackout now covers (a damage report, a maintenance window) is kept,
 * and its applicant is told with the nearest free slots to move to. Damage reports and
 * maintenance windows tell the same way, so the search and the notice live here once.
 */
import type { Db } from '@/db';
import type { Booking } from '@/db/schema';
import { notify } from '@/lib/mail/notify';
import { findAlternatives } from './alternatives';

/**
 * Queues `kind` for `booking` with free alternatives (customer-bookable only for a customer's
 * booking). Call it inside the transaction that wrote the blackout, so the search rules the
 * resource out. Returns how many e-mails were new (0 when this `occasion` was already told).
 */
export async function notifyLostSlot(
  tx: Db,
  kind: 'incident_affected' | 'maintenance_scheduled',
  booking: Booking,
  occasion: string,
  now: Date,
): Promise<number> {
  const alternatives = await findAlternatives(
    tx,
    {
      resourceId: booking.resourceId,
      startAt: booking.startAt,
      endAt: booking.endAt,
      attendees: booking.attendees,
      requesterKind: booking.requesterKind,
      customerBookableOnly: booking.requesterKind === 'customer',
    },
    { now },
  );
  return notify(tx, kind, booking.id, {
    occasion,
    alternatives: alternatives.map(({ resourceId, startAt, endAt }) => ({ resourceId, startAt, endAt })),
  });
}
