/**
 * Calling the public API's route handlers as a client would: real `Request` objects, the
 * client's address in the socket-address header (as the server's preload puts it), slots on coming working days by the
 * real clock (the handlers run "now").
 */
import { POST } from '@/app/api/v1/public/booking-requests/route';
import { SOCKET_ADDRESS_HEADER } from '@/lib/api/client-ip';
import type { Db } from '@/db';
import { addWorkingDays, dayInZone, zonedInstant } from '@/lib/calendar/working-days';
import { getHolidayCalendar, getSettings } from '@/lib/settings';

export const API = 'http://booking.test/api/v1/public';

let counter = 0;
/** A fresh client address and e-mail per call, so that rate limits only bite where a test wants. */
export function uniqueClient(): { ip: string; email: string } {
  counter++;
  return {
    ip: `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`,
    email: `visitor${counter}@customer.example.com`,
  };
}

export function postRequest(
  body: unknown,
  opts: { ip?: string; headers?: Record<string, string>; raw?: boolean; query?: string } = {},
): Promise<Response> {
  return POST(
    new Request(`${API}/booking-requests${opts.query ?? ''}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SOCKET_ADDRESS_HEADER]: opts.ip ?? uniqueClient().ip,
        ...opts.headers,
      },
      body: opts.raw ? (body as string) : JSON.stringify(body),
    }),
  );
}

/** `[from, to)` on the n-th working day from today, in the organisation's zone. */
export async function workingDaySlot(db: Db, workingDaysAhead: number, from: string, to: string) {
  const [settings, calendar] = await Promise.all([getSettings(db), getHolidayCalendar(db)]);
  const day = addWorkingDays(dayInZone(new Date(), settings.timeZone), workingDaysAhead, calendar);
  return {
    startAt: zonedInstant(day, from, settings.timeZone).toISOString(),
    endAt: zonedInstant(day, to, settings.timeZone).toISOString(),
  };
}

export function customerBody(resourceId: string, slot: { startAt: string; endAt: string }, email: string) {
  return {
    resourceId,
    ...slot,
    name: '周先生',
    phone: '138 0013 8000',
    email,
    company: '杭州佳居建材有限公司',
    visitors: 3,
    specialNeeds: '希望看新款瓷砖样板',
  };
}
