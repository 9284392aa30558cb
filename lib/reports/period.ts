/**
 * A reporting period: whole days in the organisation's zone, both ends included (the ledger's
 * totals and every report). A year at most, so that a day-by-day series stays small.
 */
import { z } from 'zod';
import { addDays, zonedInstant } from '@/lib/calendar/working-days';
import { DomainError } from '@/lib/errors';

export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

export const periodSchema = z
  .object({ from: z.iso.date('invalid_date'), to: z.iso.date('invalid_date') })
  .refine((p) => p.from <= p.to && daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, { path: ['to'], message: 'invalid_range' });

export interface Period {
  /** First and last day, 'YYYY-MM-DD' in the organisation's zone. */
  fromDay: string;
  toDay: string;
  /** The instants bounding the days: [start, end). */
  start: Date;
  end: Date;
  timeZone: string;
}

/** Validates `{from, to}` (any input) into a period; a bad one is a field message on `to`. */
export function parsePeriod(input: { from: unknown; to: unknown }, timeZone: string): Period {
  const parsed = periodSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid_input', undefined, { fields: { to: ['invalid_range'] } });
  const { from, to } = parsed.data;
  return {
    fromDay: from,
    toDay: to,
    start: zonedInstant(from, '00:00', timeZone),
    end: zonedInstant(addDays(to, 1), '00:00', timeZone),
    timeZone,
  };
}
