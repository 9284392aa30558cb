/**
 * What the respond page (/r/<token>, the Confirm / Decline buttons of the approval e-mail)
 * shows. Read-only on purpose: mail scanners and link previews open every link with GET or
 * HEAD, so loading the page must change nothing — the token stays unused until a button's POST
 * (app/(links)/r/[token]/actions.ts) hands it to confirmBooking/declineBooking.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { actionTokens, bookings, resources, users, type BookingStatus, type Locale } from '@/db/schema';
import { isDomainError } from '@/lib/errors';
import { hashToken, resolveToken } from '@/lib/tokens';
import { getSettings } from '@/lib/settings';

export type InvalidLinkReason = 'unknown' | 'used' | 'expired';

export interface RespondBooking {
  reference: string;
  status: BookingStatus;
  resource: { nameZh: string; nameEn: string; notesZh: string; notesEn: string; location: string };
  startAt: Date;
  endAt: Date;
  timeZone: string;
  opinion: string | null;
  deadline: Date | null;
}

export type RespondView =
  | { state: 'invalid'; reason: InvalidLinkReason }
  /** `open`: awaiting confirmation and before the deadline, so the buttons work. */
  | { state: 'open' | 'closed'; booking: RespondBooking; applicantLocale: Locale };

export async function loadRespondPage(db: Db, token: string, now: Date = new Date()): Promise<RespondView> {
  let bookingId: string;
  try {
    ({ bookingId } = await resolveToken(db, token, ['respond'], now));
  } catch (error) {
    if (isDomainError(error) && error.code === 'token_invalid') return { state: 'invalid', reason: await whyInvalid(db, token, now) };
    throw error;
  }
  const [row] = await db
    .select({ booking: bookings, resource: resources, requesterLocale: users.locale })
    .from(bookings)
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .leftJoin(users, eq(users.id, bookings.requesterUserId))
    .where(eq(bookings.id, bookingId));
  if (!row) return { state: 'invalid', reason: 'unknown' };
  const { booking, resource } = row;
  const settings = await getSettings(db);
  const open = booking.status === 'awaiting_confirmation' && booking.confirmDeadline !== null && booking.confirmDeadline > now;
  return {
    state: open ? 'open' : 'closed',
    applicantLocale: booking.requesterKind === 'staff' ? (row.requesterLocale ?? booking.locale) : booking.locale,
    booking: {
      reference: booking.reference,
      status: booking.status,
      resource: {
        nameZh: resource.nameZh,
        nameEn: resource.nameEn,
        notesZh: resource.notesZh,
        notesEn: resource.notesEn,
        location: resource.location,
      },
      startAt: booking.startAt,
      endAt: booking.endAt,
      timeZone: settings.timeZone,
      opinion: booking.reviewOpinion,
      deadline: booking.confirmDeadline,
    },
  };
}

/** Tells a used link from an expired one, so the page can say which; anything else is unknown. */
async function whyInvalid(db: Db, token: string, now: Date): Promise<InvalidLinkReason> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return 'unknown';
  const [row] = await db.select().from(actionTokens).where(eq(actionTokens.tokenHash, hashToken(token)));
  if (!row || row.purpose !== 'respond') return 'unknown';
  if (row.usedAt) return 'used';
  return row.expiresAt <= now ? 'expired' : 'unknown';
}
