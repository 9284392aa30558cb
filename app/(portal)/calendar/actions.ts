'use server';

/** The booking calendars' data, fetched by FullCalendar as the visible days change. */
import { z } from 'zod';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { parseInput } from '@/lib/booking/schemas';
import { localizeError } from '@/lib/i18n/error-message';
import { loadCalendarFeed, type CalendarFeed } from '@/lib/staff-booking/calendar-feed';

const day = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');

const feedSchema = z
  .object({
    resourceIds: z.array(z.uuid({ error: 'invalid_id' })).min(1, 'required').max(50, 'too_many'),
    fromDay: day(),
    toDay: day(),
    bookable: z.boolean(),
  })
  .refine((v) => v.fromDay < v.toDay, { message: 'invalid_range', path: ['toDay'] });

export type CalendarFeedResult = { ok: true; feed: CalendarFeed } | { ok: false; message: string };

export async function calendarFeedAction(input: z.input<typeof feedSchema>): Promise<CalendarFeedResult> {
  try {
    const query = parseInput(feedSchema, input);
    return { ok: true, feed: await loadCalendarFeed(await getDb(), await currentActor(), query) };
  } catch (error) {
    return { ok: false, message: (await localizeError(error)).message };
  }
}
