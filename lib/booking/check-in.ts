/**
 * Check-in (confirmed → in_use): from `check_in_opens_minutes` before the start until the
 * no-show deadline (or the end, where no-shows do not apply). Records who, when and through
 * which channel — the booking page, the customer's link, the door's QR code or the API.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, type Booking, type CheckInChannel } from '@/db/schema';
import type { Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { formatZoned } from './rules';
import { runTransition, step } from './transition';
import { authorizeVisit } from './visit-authorize';
import { checkInTiming, checkInWindow } from './visit-window';

export async function checkIn(
  db: Db,
  actor: Actor,
  input: { bookingId: string },
  opts: { now?: Date; via?: CheckInChannel } = {},
): Promise<Booking> {
  const now = opts.now ?? new Date();
  const via = opts.via ?? (actor.kind === 'customer' ? 'link' : 'portal');
  return runTransition(db, {
    ...step('check_in'),
    bookingId: input.bookingId,
    now,
    authorize: authorizeVisit(actor),
    before: async (tx, booking) => {
      const [resource] = await tx.select().from(resources).where(eq(resources.id, booking.resourceId));
      const settings = await getSettings(tx);
      const window = checkInWindow(booking, resource, settings);
      const timing = checkInTiming(window, now);
      if (timing === 'early') {
        throw new DomainError('check_in_not_open', undefined, { params: { opensAt: formatZoned(window.opensAt, settings.timeZone) } });
      }
      if (timing === 'closed') {
        throw new DomainError('check_in_closed', undefined, { params: { deadline: formatZoned(window.closesAt, settings.timeZone) } });
      }
    },
    set: () => ({ checkedInAt: now, checkedInById: actor.kind === 'user' ? actor.id : null, checkedInVia: via }),
    data: () => ({ via }),
  });
}
