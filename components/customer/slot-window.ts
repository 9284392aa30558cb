/**
 * What the customer slot pickers need from the server: the organisation's zone, the earliest
 * start the customer notice allows, the last day inside the horizon and the holidays in
 * between (the browser needs no more of the calendar than the days it can show).
 */
import 'server-only';
import type { Db } from '@/db';
import { addDays, dayInZone, type DayKind } from '@/lib/calendar/working-days';
import { publicBookingPolicy, type PublicBookingPolicy } from '@/lib/customer/public';
import { getHolidayCalendar } from '@/lib/settings';

const HOUR = 3_600_000;

export interface SlotWindow {
  policy: PublicBookingPolicy;
  timeZone: string;
  earliestStartAt: string;
  lastDay: string;
  holidays: [string, DayKind][];
}

export async function customerSlotWindow(db: Db, now: Date = new Date()): Promise<SlotWindow> {
  const [policy, calendar] = await Promise.all([publicBookingPolicy(db), getHolidayCalendar(db)]);
  const today = dayInZone(now, policy.timeZone);
  const lastDay = addDays(today, policy.horizonDays);
  return {
    policy,
    timeZone: policy.timeZone,
    earliestStartAt: new Date(now.getTime() + policy.minNoticeHours * HOUR).toISOString(),
    lastDay,
    holidays: [...calendar].filter(([day]) => day >= addDays(today, -7) && day <= addDays(lastDay, 7)),
  };
}
