'use server';

/**
 * The respond page's buttons. The token is the only credential: it is resolved here, and
 * confirmBooking/declineBooking consume it (`opts.tokenId`) in the same transaction as the
 * change, so a link works once and two clicks cannot both succeed.
 *
 * The actor passed along: a customer acts as `{kind:'customer', bookingId, email}` (what their
 * link stands for). For a staff booking the system acts on the token's word: building a user
 * actor would claim a signed-in session that does not exist, and the token already proves
 * everything the user actor would (this booking, its applicant's mailbox); the audit trail
 * still names the applicant, because the booking domain records link actions for them.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { bookings } from '@/db/schema';
import { SYSTEM, type Actor } from '@/lib/authz';
import { confirmBooking, declineBooking } from '@/lib/booking/applicant';
import { DomainError } from '@/lib/errors';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { localizeError } from '@/lib/i18n/error-message';
import { resolveToken } from '@/lib/tokens';

export type RespondState = { ok: true; result: 'confirmed' | 'declined' } | { ok: false; message: string } | null;

const respondSchema = z.object({
  decision: z.enum(['confirm', 'decline']),
  reason: z.string().trim().max(1000).optional(),
});

export async function respondAction(token: string, lang: string, _prev: RespondState, formData: FormData): Promise<RespondState> {
  const locale = isLocale(lang) ? lang : defaultLocale;
  try {
    const input = respondSchema.parse({
      decision: formData.get('decision'),
      reason: formData.get('reason') || undefined,
    });
    const db = await getDb();
    const { id: tokenId, bookingId } = await resolveToken(db, token, ['respond']);
    const [booking] = await db
      .select({ requesterKind: bookings.requesterKind, contactEmail: bookings.contactEmail })
      .from(bookings)
      .where(eq(bookings.id, bookingId));
    const actor: Actor =
      booking?.requesterKind === 'customer' ? { kind: 'customer', bookingId, email: booking.contactEmail ?? '' } : SYSTEM;
    if (input.decision === 'confirm') {
      await confirmBooking(db, actor, { bookingId }, { tokenId });
      return { ok: true, result: 'confirmed' };
    }
    await declineBooking(db, actor, { bookingId, reason: input.reason }, { tokenId });
    return { ok: true, result: 'declined' };
  } catch (error) {
    const known = error instanceof z.ZodError ? new DomainError('invalid_input') : error;
    return { ok: false, message: (await localizeError(known, locale)).message };
  }
}
