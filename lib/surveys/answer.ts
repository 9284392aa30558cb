/**
 * The survey link: opening the page (GET) only looks the token up; answering writes the scores
 * and uses the link up in one UPDATE, guarded by "not answered, not expired" — so of two answers
 * sent at once exactly one is kept, and a used or expired link answers `token_invalid`. The page's
 * form and `POST /api/v1/public/surveys/{token}` both call `answerSurvey`.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, surveys, type Booking, type Locale, type Resource } from '@/db/schema';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { hashToken, isTokenShaped } from '@/lib/tokens';
import { surveyAnswerSchema } from './schemas';

export interface SurveyLinkPage {
  reference: string;
  resource: Pick<Resource, 'nameZh' | 'nameEn' | 'location' | 'locationEn'>;
  startAt: Date;
  endAt: Date;
  /** The language the customer booked in: the page's unless they chose another. */
  locale: Locale;
  timeZone: string;
  expiresAt: Date;
}

const live = (token: string, now: Date) =>
  and(eq(surveys.tokenHash, hashToken(token)), isNull(surveys.answeredAt), gt(surveys.expiresAt, now));

/** What the survey is about, for a live link; `token_invalid` for an unknown, used or expired one. Changes nothing. */
export async function loadSurveyLink(db: Db, token: string, now = new Date()): Promise<SurveyLinkPage> {
  if (!isTokenShaped(token)) throw new DomainError('token_invalid');
  const [row] = await db
    .select({ survey: surveys, booking: bookings, resource: resources })
    .from(surveys)
    .innerJoin(bookings, eq(bookings.id, surveys.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .where(live(token, now));
  if (!row) throw new DomainError('token_invalid');
  const { timeZone } = await getSettings(db);
  return pageOf(row.booking, row.resource, row.survey.expiresAt, timeZone);
}

/** Whether the link still works, for the page's HTTP status (open 200, answered or expired 410, unknown 404). */
export async function surveyLinkState(db: Db, token: string, now = new Date()): Promise<'open' | 'used' | 'expired' | 'unknown'> {
  if (!isTokenShaped(token)) return 'unknown';
  const [row] = await db
    .select({ answeredAt: surveys.answeredAt, expiresAt: surveys.expiresAt })
    .from(surveys)
    .where(eq(surveys.tokenHash, hashToken(token)));
  if (!row) return 'unknown';
  return row.answeredAt ? 'used' : row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open';
}

function pageOf(booking: Booking, resource: Resource, expiresAt: Date, timeZone: string): SurveyLinkPage {
  return {
    reference: booking.reference,
    resource,
    startAt: booking.startAt,
    endAt: booking.endAt,
    locale: booking.locale,
    timeZone,
    expiresAt,
  };
}

/**
 * Records the answer and uses the link up. Bad input is `invalid_input` with field messages
 * (checked before the token, so a form shows its mistakes); an unknown, used or expired link is
 * `token_invalid`.
 */
export async function answerSurvey(db: Db, token: string, input: unknown, now = new Date()): Promise<{ bookingId: string; answeredAt: Date }> {
  const answer = parseInput(surveyAnswerSchema, input);
  if (!isTokenShaped(token)) throw new DomainError('token_invalid');
  const [row] = await db
    .update(surveys)
    .set({ ...answer, answeredAt: now })
    .where(live(token, now))
    .returning({ bookingId: surveys.bookingId, answeredAt: surveys.answeredAt });
  if (!row) throw new DomainError('token_invalid');
  return { bookingId: row.bookingId, answeredAt: row.answeredAt! };
}
