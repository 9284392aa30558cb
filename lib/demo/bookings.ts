/**
 * The demo bookings, each told as its history: when it was submitted and by whom, then the
 * actions of the transition table (lib/booking/state.ts) that moved it, each later than the one
 * before. The status, the times the domain functions set (approval, confirmation deadline,
 * confirmation), the version and every audit event are derived from that history, so the demo
 * never shows a booking confirmed before it was submitted, or in a status its history cannot
 * reach.
 */
import type { BookingStatus, NewBooking, bookingEvents } from '@/db/schema';
import { resultStatus, TRANSITIONS, type TransitionAction } from '@/lib/booking/state';

const HOUR = 3_600_000;

/** Who acted: a user (by id), the customer through their link, or a scheduled job. */
export type DemoActor = { kind: 'user'; id: string } | { kind: 'customer' } | { kind: 'system' };

export interface DemoStep {
  action: TransitionAction;
  at: Date;
  by: DemoActor;
  /** The review opinion or reason, as the domain function records it. */
  note?: string;
}

export interface DemoStory {
  /** The request as submitted (status, times and review fields come from the history). */
  request: Omit<
    NewBooking,
    'status' | 'submittedAt' | 'updatedAt' | 'version' | 'approvedAt' | 'confirmDeadline' | 'confirmedAt' | 'reviewOpinion' | 'statusReason'
  > & { reference: string; startAt: Date; endAt: Date };
  submittedAt: Date;
  submittedBy: DemoActor;
  steps: DemoStep[];
}

type NewEvent = Omit<typeof bookingEvents.$inferInsert, 'bookingId'>;

/** The columns each action sets besides the status, as its domain function does. */
const EFFECTS: Partial<Record<TransitionAction, (step: DemoStep, booking: NewBooking, confirmWindowHours: number) => Partial<NewBooking>>> = {
  approve: (step, booking, confirmWindowHours) => ({
    reviewOpinion: step.note,
    approvedAt: step.at,
    confirmDeadline: new Date(Math.min(step.at.getTime() + confirmWindowHours * HOUR, booking.startAt.getTime())),
  }),
  confirm: (step) => ({ confirmedAt: step.at }),
  reject: (step) => ({ statusReason: step.note }),
  cancel: (step) => ({ statusReason: step.note }),
  decline: () => ({ statusReason: 'declined' }),
  request_info: (step) => ({ infoRequest: step.note }),
};

const actorColumns = (actor: DemoActor) =>
  actor.kind === 'user' ? { actorKind: 'user' as const, actorUserId: actor.id } : { actorKind: actor.kind, actorUserId: null };

/**
 * Replays a story through the transition table: the booking row to insert and its audit events.
 * A step the table does not allow from the status reached so far, or a step not later than the
 * one before, is a mistake in the demo data and throws.
 */
export function replayStory(story: DemoStory, confirmWindowHours: number): { booking: NewBooking; events: NewEvent[] } {
  let booking: NewBooking = {
    ...story.request,
    status: 'pending',
    submittedAt: story.submittedAt,
    updatedAt: story.submittedAt,
    version: 1,
  };
  const events: NewEvent[] = [
    {
      fromStatus: null,
      toStatus: 'pending',
      action: 'submitted',
      ...actorColumns(story.submittedBy),
      data: { channel: story.request.channel },
      createdAt: story.submittedAt,
    },
  ];
  let last = story.submittedAt;
  for (const step of story.steps) {
    const from = booking.status as BookingStatus;
    const { from: allowed } = TRANSITIONS[step.action];
    if (!(allowed as readonly BookingStatus[]).includes(from)) {
      throw new Error(`Demo booking ${story.request.reference}: ${step.action} is not allowed from ${from}`);
    }
    if (step.at <= last) throw new Error(`Demo booking ${story.request.reference}: ${step.action} is not later than the step before`);
    booking = {
      ...booking,
      ...EFFECTS[step.action]?.(step, booking, confirmWindowHours),
      status: resultStatus(step.action, from),
      updatedAt: step.at,
      version: (booking.version ?? 1) + 1,
    };
    events.push({ fromStatus: from, toStatus: booking.status, action: step.action, ...actorColumns(step.by), note: step.note ?? null, createdAt: step.at });
    last = step.at;
  }
  return { booking, events };
}
