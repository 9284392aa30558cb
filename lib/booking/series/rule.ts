/**
 * A series' dates: an RFC 5545 RRULE (the kept `rrule` library) applied from the first
 * occurrence, in the organisation's wall clock, then each date sorted against the holiday
 * calendar. Pure: no database, no server clock.
 *
 * The rule runs on "floating" times: the first occurrence's wall clock written as if it were
 * UTC, so that 10:00 stays 10:00 on every date whatever the server's zone; each date is turned
 * back into an instant in the organisation's zone.
 */
import * as rruleModule from 'rrule';
import { DomainError } from '@/lib/errors';
import { dayInZone, isWorkingDay, minutesInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';

// rrule's ES build (what bundlers load) has named exports; under Node's own loader its
// CommonJS build arrives as the default export.
type RRuleModule = typeof rruleModule;
const { RRule } = ('RRule' in rruleModule ? rruleModule : (rruleModule as unknown as { default: RRuleModule }).default) as RRuleModule;

/** More than this many dates in one rule is refused (two years of weekly meetings). */
export const MAX_OCCURRENCES = 104;

export type SkipReason = 'holiday' | 'non_working_day';

export interface Occurrence {
  /** 1-based position among the rule's dates (skipped ones count too: COUNT counts dates). */
  n: number;
  day: string;
  startAt: Date;
  endAt: Date;
  skipped?: SkipReason;
}

export interface ExpandInput {
  rrule: string;
  startAt: Date;
  endAt: Date;
  timeZone: string;
  calendar: HolidayCalendar;
  /** The first instant a series may no longer start at. */
  horizonEnd: Date;
  horizonDays: number;
  /** Keep holidays and non-working days as ordinary dates (default: skip them). */
  includeNonWorkingDays?: boolean;
}

const ruleError = (code: string) => new DomainError('invalid_input', undefined, { fields: { rrule: [code] }, params: { max: MAX_OCCURRENCES } });

const pad = (n: number) => String(n).padStart(2, '0');

/** The rule's options, refused with a field message when it is not one a series may use. */
function parseRule(text: string) {
  let options;
  try {
    options = RRule.parseString(text.trim().replace(/^RRULE:/i, ''));
  } catch {
    throw ruleError('rrule_invalid');
  }
  // The series' first slot is the rule's start; a rule may not bring its own.
  if (options.dtstart || options.tzid) throw ruleError('rrule_invalid');
  if (options.freq !== RRule.WEEKLY && options.freq !== RRule.MONTHLY) throw ruleError('rrule_frequency');
  if (!options.count && !options.until) throw ruleError('rrule_unbounded');
  if (options.count && options.count > MAX_OCCURRENCES) throw ruleError('rrule_too_many');
  return options;
}

/** Every date of the rule, with the ones on days off marked; refuses what reaches past the horizon. */
export function expandRule(input: ExpandInput): Occurrence[] {
  const options = parseRule(input.rrule);
  const { timeZone } = input;
  const firstDay = dayInZone(input.startAt, timeZone);
  const minutes = minutesInZone(input.startAt, timeZone);
  const [y, m, d] = firstDay.split('-').map(Number);
  const dtstart = new Date(Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60));
  // A date-only UNTIL names the last day: it includes that day's occurrence.
  const until =
    options.until && options.until.getUTCHours() === 0 && options.until.getUTCMinutes() === 0
      ? new Date(options.until.getTime() + 86_399_000)
      : options.until;
  const dates = new RRule({ ...options, until, dtstart }).all((_date, i) => i < MAX_OCCURRENCES + 1);
  if (dates.length > MAX_OCCURRENCES) throw ruleError('rrule_too_many');
  if (dates.length === 0) throw ruleError('rrule_empty');

  const length = input.endAt.getTime() - input.startAt.getTime();
  return dates.map((date, i) => {
    const day = date.toISOString().slice(0, 10);
    const startAt = zonedInstant(day, `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`, timeZone);
    if (startAt.getTime() >= input.horizonEnd.getTime()) {
      throw new DomainError('beyond_horizon', undefined, { params: { days: input.horizonDays } });
    }
    const occurrence: Occurrence = { n: i + 1, day, startAt, endAt: new Date(startAt.getTime() + length) };
    const skipped = input.includeNonWorkingDays ? undefined : dayOff(day, input.calendar);
    return skipped ? { ...occurrence, skipped } : occurrence;
  });
}

/** Why a day is off: an official holiday, or a weekend that is not a 调休 make-up working day. */
function dayOff(day: string, calendar: HolidayCalendar): SkipReason | undefined {
  if (calendar.get(day) === 'holiday') return 'holiday';
  return isWorkingDay(day, calendar) ? undefined : 'non_working_day';
}
