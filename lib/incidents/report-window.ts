/**
 * When the people of a booking may report damage on its resource: from a little before its
 * start (people arrive early) until a while after its end ("just ended": the next user, or the
 * clean-up, finds it). One rule for the domain, the booking page, the manage link — which stays
 * open until this window closes — and the refusal's message (errors `report_window_closed`).
 */
import type { Booking, BookingStatus } from '@/db/schema';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const REPORT_OPENS_MINUTES = 30;
export const REPORT_CLOSES_HOURS = 2;

/** Bookings that were (or are being) used: confirmed, checked in, or completed. */
export const USED_STATUSES: readonly BookingStatus[] = ['confirmed', 'in_use', 'completed'];

export const reportOpensAt = (booking: Pick<Booking, 'startAt'>) => new Date(booking.startAt.getTime() - REPORT_OPENS_MINUTES * MINUTE);
export const reportClosesAt = (booking: Pick<Booking, 'endAt'>) => new Date(booking.endAt.getTime() + REPORT_CLOSES_HOURS * HOUR);

/** Is `now` inside the window in which the applicant of `booking` may report on it? */
export function inReportWindow(booking: Pick<Booking, 'status' | 'startAt' | 'endAt'>, now: Date): boolean {
  return (
    USED_STATUSES.includes(booking.status) &&
    now.getTime() >= reportOpensAt(booking).getTime() &&
    now.getTime() <= reportClosesAt(booking).getTime()
  );
}

/** The refusal's parameters: both limits, as numbers and as the instants for this booking. */
export function reportWindowParams(booking: Pick<Booking, 'startAt' | 'endAt'>): Record<string, string | number> {
  return {
    openMinutes: REPORT_OPENS_MINUTES,
    closeHours: REPORT_CLOSES_HOURS,
    opens: reportOpensAt(booking).toISOString(),
    closes: reportClosesAt(booking).toISOString(),
  };
}
