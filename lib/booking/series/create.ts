/**
 * Submitting a series: in ONE transaction, the series row and then each free date through the
 * single-request create path (lib/booking/create.ts `createStaffRequest`), so every occurrence
 * is checked, held and recorded exactly like a single request — first come, first served by the
 * same exclusion constraint. Each occurrence runs in its own savepoint (a nested transaction):
 * a date someone else took in the meantime is reported as taken and the rest still go through.
 * Nothing free at all refuses the whole series (`slot_taken`) and writes nothing. The applicant
 * gets one "request received" mail for the series, listing every date, not one per date.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { bookingSeries, bookings } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { dayInZone } from '@/lib/calendar/working-days';
import { DomainError } from '@/lib/errors';
import { createStaffRequest } from '../create';
import { parseInput } from '../schemas';
import { expandRequest, isOccurrenceRefusal, refusedView, viewOf, type OccurrenceView } from './occurrences';
import { notifySeriesReceived } from './received-mail';
import { seriesSlotSchema } from './schemas';

export interface CreatedSeries {
  seriesId: string;
  reference: string;
  occurrences: OccurrenceView[];
}

export async function createSeries(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<CreatedSeries> {
  const request = parseInput(seriesSlotSchema, input);
  const user = request.onBehalfOfUserId ? requireAdmin(actor) : requireUser(actor);
  const { ctx, dates } = await expandRequest(db, request, opts.now);
  // The single-request schemas take what they know of this and drop the rule's fields.
  const single = { ...input, ...request };

  return db.transaction(async (tx) => {
    const [series] = await tx
      .insert(bookingSeries)
      .values({
        reference: sql`${`RS-${dayInZone(ctx.now, ctx.settings.timeZone).slice(0, 4)}-`} || lpad(nextval('booking_series_reference_seq')::text, 6, '0')`,
        resourceId: request.resourceId,
        requesterUserId: request.onBehalfOfUserId ?? user.id,
        enteredById: request.onBehalfOfUserId ? user.id : null,
        rrule: request.rrule,
        startAt: request.startAt,
        endAt: request.endAt,
        purpose: typeof input.purpose === 'string' ? input.purpose.trim() : '',
        createdAt: ctx.now,
      })
      .returning();
    const occurrences: OccurrenceView[] = [];
    for (const occurrence of dates) {
      if (occurrence.skipped) {
        occurrences.push(viewOf(occurrence, 'skipped'));
        continue;
      }
      try {
        const booking = await createStaffRequest(tx, actor, { ...single, startAt: occurrence.startAt, endAt: occurrence.endAt }, {
          now: ctx.now,
          horizon: 'series',
          receivedMail: false,
        });
        await tx.update(bookings).set({ seriesId: series.id, occurrenceNo: occurrence.n }).where(eq(bookings.id, booking.id));
        occurrences.push(viewOf(occurrence, 'requested', { bookingId: booking.id }));
      } catch (error) {
        if (!isOccurrenceRefusal(error)) throw error;
        occurrences.push(refusedView(occurrence, error));
      }
    }
    const first = occurrences.find((o) => o.status === 'requested');
    if (!first) throw new DomainError('slot_taken');
    await notifySeriesReceived(tx, series, occurrences, first.bookingId!, ctx.settings.timeZone);
    return { seriesId: series.id, reference: series.reference, occurrences };
  });
}
