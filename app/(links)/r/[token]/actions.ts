'use server';

/**
 * The respond page's buttons. The token is the only credential: it is resolved here, and
 * confirmBooking/declineBooking consume it (`opts.tokenId`) in the same transaction as the
 * change, so a link works once and two clicks cannot both succeed. With a token the booking
 * domain authorizes by the token alone and names the applicant in the history, so no actor is
 * built here.
 */
import { z } from 'zod';
import { getDb } from '@/db';
import { ANONYMOUS } from '@/lib/authz';
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
    if (input.decision === 'confirm') {
      await confirmBooking(db, ANONYMOUS, { bookingId }, { tokenId });
      return { ok: true, result: 'confirmed' };
    }
    await declineBooking(db, ANONYMOUS, { bookingId, reason: input.reason }, { tokenId });
    return { ok: true, result: 'declined' };
  } catch (error) {
    const known = error instanceof z.ZodError ? new DomainError('invalid_input') : error;
    return { ok: false, message: (await localizeError(known, locale)).message };
  }
}
