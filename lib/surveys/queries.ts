/**
 * Survey answers for customer service and admin: the one of a booking (its detail pages), the
 * list of answers (/desk/surveys, new ones first until someone marks them read), and marking
 * them read. Answers are about customer bookings only, which both roles see in full.
 */
import { and, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookings, resources, surveys, users, type Survey } from '@/db/schema';
import { requireServiceDesk, type Actor } from '@/lib/authz';

/** The survey of a booking, sent or answered; null when none was sent. */
export async function getBookingSurvey(db: Db, actor: Actor, bookingId: string): Promise<Survey | null> {
  requireServiceDesk(actor);
  const [row] = await db.select().from(surveys).where(eq(surveys.bookingId, bookingId));
  return row ?? null;
}

/** How many answers the list shows at once. */
export const SURVEY_LIST_LIMIT = 100;

export interface SurveyAnswerRow {
  id: string;
  bookingId: string;
  reference: string;
  resource: { code: string; nameZh: string; nameEn: string };
  contactName: string;
  company: string | null;
  contactPhone: string;
  contactEmail: string | null;
  startAt: Date;
  answeredAt: Date;
  overall: number;
  condition: number;
  service: number;
  comment: string;
  mayContact: boolean;
  seenAt: Date | null;
  seenBy: string | null;
}

/** Answered surveys, newest first: `new` — not yet marked read — or all of them (the latest SURVEY_LIST_LIMIT). */
export async function listSurveyAnswers(db: Db, actor: Actor, filter: { show: 'new' | 'all' }): Promise<SurveyAnswerRow[]> {
  requireServiceDesk(actor);
  const rows = await db
    .select({
      id: surveys.id,
      bookingId: surveys.bookingId,
      reference: bookings.reference,
      resource: { code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn },
      contactName: bookings.contactName,
      company: bookings.company,
      contactPhone: bookings.contactPhone,
      contactEmail: bookings.contactEmail,
      startAt: bookings.startAt,
      answeredAt: surveys.answeredAt,
      overall: surveys.overall,
      condition: surveys.condition,
      service: surveys.service,
      comment: surveys.comment,
      mayContact: surveys.mayContact,
      seenAt: surveys.seenAt,
      seenBy: users.name,
    })
    .from(surveys)
    .innerJoin(bookings, eq(bookings.id, surveys.bookingId))
    .innerJoin(resources, eq(resources.id, bookings.resourceId))
    .leftJoin(users, eq(users.id, surveys.seenById))
    .where(and(isNotNull(surveys.answeredAt), filter.show === 'new' ? isNull(surveys.seenAt) : undefined))
    .orderBy(desc(surveys.answeredAt), desc(surveys.id))
    .limit(SURVEY_LIST_LIMIT);
  // An answered survey has every score (the table's check): the nulls are for unanswered rows only.
  return rows.map((r) => ({ ...r, answeredAt: r.answeredAt!, overall: r.overall!, condition: r.condition!, service: r.service!, mayContact: r.mayContact! }));
}

/** Marks answers read (the first reader is kept); returns how many were new. */
export async function markSurveysSeen(db: Db, actor: Actor, surveyIds: readonly string[], now = new Date()): Promise<number> {
  const user = requireServiceDesk(actor);
  if (surveyIds.length === 0) return 0;
  const rows = await db
    .update(surveys)
    .set({ seenAt: now, seenById: user.id })
    .where(and(inArray(surveys.id, [...surveyIds]), isNotNull(surveys.answeredAt), isNull(surveys.seenAt)))
    .returning({ id: surveys.id });
  return rows.length;
}

/** The work-queue count (lib/work-queue/counts.ts): answers nobody has marked read. */
export const newSurveyAnswersCount = sql`select count(*) from surveys where answered_at is not null and seen_at is null`;
