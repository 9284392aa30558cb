/**
 * The "move this booking" form as posted: start and end as the organisation's wall clock
 * (`datetime-local`), an optional resource, the reason — or one of the offered alternatives
 * (`pick` = `resourceId|startAt|endAt`, ISO instants). Turned into the input of requestChange
 * and adminMoveBooking, which validate it (an empty or malformed time keeps its field message).
 */
import { z } from 'zod';
import type { Db } from '@/db';
import { getSettings } from '@/lib/settings';
import { instantOf, splitWallClock } from '@/lib/staff-booking/wall-clock';

export const changeFormFields = z.object({
  startAt: z.string().default(''),
  endAt: z.string().default(''),
  resourceId: z.string().default(''),
  reason: z.string().default(''),
  pick: z.string().default(''),
});

export type ChangeFormFields = z.output<typeof changeFormFields>;

export async function changeFormInput(db: Db, fields: ChangeFormFields): Promise<Record<string, unknown>> {
  const { reason } = fields;
  if (fields.pick) {
    const [resourceId, startAt, endAt] = fields.pick.split('|');
    return { resourceId, startAt, endAt, reason };
  }
  const { timeZone } = await getSettings(db);
  const instant = (wall: string) => {
    const parts = splitWallClock(wall.trim());
    return parts ? (instantOf(parts.day, parts.clock, timeZone) ?? wall) : wall;
  };
  return { resourceId: fields.resourceId, startAt: instant(fields.startAt), endAt: instant(fields.endAt), reason };
}
