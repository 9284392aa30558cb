/**
 * What the series form offers, as an RRULE: every week on chosen weekdays, every two weeks, or
 * monthly on the same weekday. Pure and free of the rule library, so the form can use it.
 */
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof WEEKDAYS)[number];
export const WEEKDAY_CODES: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

export interface RuleChoice {
  frequency: 'weekly' | 'biweekly' | 'monthly';
  /** Weekly and every two weeks: the days; empty means the first occurrence's weekday. */
  weekdays: readonly WeekdayCode[];
  /** The first occurrence's day ('YYYY-MM-DD'): monthly repeats its weekday of the month. */
  firstDay: string;
  end: { count: number } | { until: string };
}

/**
 * The RRULE for what the form offers: every week on chosen weekdays, every two weeks, or monthly
 * on the same weekday (the 2nd Tuesday; the last one when the first date is in the 5th week).
 */
export function buildRule(choice: RuleChoice): string {
  const date = new Date(`${choice.firstDay}T00:00:00Z`);
  const weekday = WEEKDAYS[date.getUTCDay()];
  const parts: string[] = [];
  if (choice.frequency === 'monthly') {
    const week = Math.ceil(date.getUTCDate() / 7);
    parts.push('FREQ=MONTHLY', `BYDAY=${week === 5 ? -1 : week}${weekday}`);
  } else {
    parts.push('FREQ=WEEKLY');
    if (choice.frequency === 'biweekly') parts.push('INTERVAL=2');
    const days = choice.weekdays.length > 0 ? WEEKDAY_CODES.filter((d) => choice.weekdays.includes(d)) : [weekday];
    parts.push(`BYDAY=${days.join(',')}`);
  }
  parts.push('count' in choice.end ? `COUNT=${choice.end.count}` : `UNTIL=${choice.end.until.replaceAll('-', '')}`);
  return parts.join(';');
}
