/** The audit trail: every status change and every note on a booking is one booking_events row. */
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { bookingEvents, type BookingStatus } from '@/db/schema';

/** Who did it, as the audit trail records it. `Actor` values (user, customer, system) fit. */
export type EventActor =
  | { kind: 'user'; id: string }
  | { kind: 'customer' }
  | { kind: 'system' }
  /** A verified reply to a booking e-mail, on behalf of the applicant (a user, or a customer). */
  | { kind: 'email_reply'; userId?: string | null };

export interface EventInput {
  bookingId: string;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus | null;
  action: string;
  actor: EventActor;
  note?: string | null;
  data?: Record<string, unknown> | null;
}

/** The row of an event, for callers that write it inside a larger statement. */
export function eventRow(event: EventInput) {
  const { actor } = event;
  return {
    bookingId: event.bookingId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    action: event.action,
    actorKind: actor.kind,
    actorUserId: actor.kind === 'user' ? actor.id : actor.kind === 'email_reply' ? (actor.userId ?? null) : null,
    note: event.note ?? null,
    data: event.data ?? null,
  };
}

export async function recordEvent(tx: Db, event: EventInput): Promise<void> {
  await tx.insert(bookingEvents).values(eventRow(event));
}

/** Many events in a few multi-row INSERTs (the set-based jobs). */
export async function recordEvents(tx: Db, events: readonly EventInput[]): Promise<void> {
  for (const slice of chunks(events)) await tx.insert(bookingEvents).values(slice.map(eventRow));
}
