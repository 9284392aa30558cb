/**
 * What a series would get, before anything is written: every date of the rule with its state,
 * each free one checked exactly as a single request would be (lib/booking/availability.ts
 * `checkSlot`), each refused one with the ranked alternatives for that date.
 */
import type { Db } from '@/db';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { checkSlot } from '../availability';
import { parseInput } from '../schemas';
import { expandRequest, isOccurrenceRefusal, refusedView, viewOf, type OccurrenceView } from './occurrences';
import { seriesSlotSchema } from './schemas';

export async function previewSeries(
  db: Db,
  actor: Actor,
  input: Record<string, unknown>,
  opts: { now?: Date } = {},
): Promise<{ occurrences: OccurrenceView[] }> {
  const request = parseInput(seriesSlotSchema, input);
  if (request.onBehalfOfUserId) requireAdmin(actor);
  else requireUser(actor);
  const { ctx, dates } = await expandRequest(db, request, opts.now);
  // Admin typing in a paper form may waive the lead time, as for a single entry.
  const override = request.onBehalfOfUserId && typeof input.leadTimeOverrideReason === 'string' && input.leadTimeOverrideReason.trim();
  const occurrences: OccurrenceView[] = [];
  for (const occurrence of dates) {
    if (occurrence.skipped) {
      occurrences.push(viewOf(occurrence, 'skipped'));
      continue;
    }
    try {
      await checkSlot(
        db,
        { resourceId: request.resourceId, startAt: occurrence.startAt, endAt: occurrence.endAt, attendees: request.attendees, requesterKind: 'staff' },
        { now: ctx.now, notice: override ? 'override' : 'staff', horizon: 'series' },
      );
      occurrences.push(viewOf(occurrence, 'free'));
    } catch (error) {
      if (!isOccurrenceRefusal(error)) throw error;
      occurrences.push(refusedView(occurrence, error));
    }
  }
  return { occurrences };
}
