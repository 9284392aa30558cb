/**
 * Shared set-up for booking tests: the demo accounts as actors, resources by code, slots in the
 * organisation's zone on fixed future dates, and bookings put straight into a given status.
 */
import { randomBytes } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect } from 'vitest';
import type { Db } from '@/db';
import { bookingEvents, bookings, emailOutbox, resources, users, type Booking, type BookingStatus } from '@/db/schema';
import { userActor } from '@/lib/auth/actor';
import type { UserActor } from '@/lib/authz';
import { isDomainError, type ErrorCode } from '@/lib/errors';
import { zonedInstant } from '@/lib/calendar/working-days';
import { useTestDb } from './db';

export const TZ = 'Asia/Shanghai';

/** Monday 4 March 2030, 10:00 in Shanghai: "now" for tests (lead time 1 → Tuesday 5 March). */
export const NOW = zonedInstant('2030-03-04', '10:00', TZ);

export const at = (day: string, clock: string) => zonedInstant(day, clock, TZ);
export const slot = (day: string, from: string, to: string) => ({ startAt: at(day, from), endAt: at(day, to) });

export type Who = 'admin' | 'service' | 'staff' | 'staff2';
const EMAIL: Record<Who, string> = {
  admin: 'admin@example.com',
  service: 'service@example.com',
  staff: 'staff@example.com',
  staff2: 'staff2@example.com',
};

export async function loadActors(db: Db): Promise<Record<Who, UserActor>> {
  const rows = await db.select().from(users).where(inArray(users.email, Object.values(EMAIL)));
  const byEmail = new Map(rows.map((u) => [u.email, u]));
  const actor = (who: Who): UserActor => userActor(byEmail.get(EMAIL[who])!);
  return { admin: actor('admin'), service: actor('service'), staff: actor('staff'), staff2: actor('staff2') };
}

/**
 * The usual top of a booking test file: its fresh database (`useTestDb`) and the demo accounts
 * as actors. `actors` is filled before the file's own `beforeAll` hooks run.
 */
export function useBookingTestDb() {
  const testDb = useTestDb();
  const actors = {} as Record<Who, UserActor>;
  beforeAll(async () => {
    Object.assign(actors, await loadActors(testDb.db()));
  });
  return { ...testDb, actors };
}

export async function resourceByCode(db: Db, code: string) {
  const [row] = await db.select().from(resources).where(eq(resources.code, code));
  return row;
}

export interface SeedBooking {
  resourceId: string;
  startAt: Date;
  endAt: Date;
  status?: BookingStatus;
  /** A staff requester; omit for a customer booking. */
  requester?: UserActor;
  confirmDeadline?: Date | null;
  approvedAt?: Date | null;
  holdsSlot?: boolean;
}

/** A booking put straight into a status (the state the test starts from). */
export async function seedBooking(db: Db, b: SeedBooking): Promise<Booking> {
  const [row] = await db
    .insert(bookings)
    .values({
      reference: `T-${randomBytes(6).toString('hex')}`,
      resourceId: b.resourceId,
      requesterKind: b.requester ? 'staff' : 'customer',
      requesterUserId: b.requester?.id ?? null,
      contactName: b.requester?.name ?? '测试客户',
      contactPhone: '021-5888 0000',
      contactEmail: b.requester?.email ?? 'guest@customer.example.com',
      company: b.requester ? null : '测试公司',
      departmentId: b.requester?.departmentId ?? null,
      channel: b.requester ? 'portal' : 'public',
      purpose: '测试',
      attendees: 2,
      startAt: b.startAt,
      endAt: b.endAt,
      status: b.status ?? 'pending',
      holdsSlot: b.holdsSlot ?? true,
      approvedAt: b.approvedAt ?? null,
      confirmDeadline: b.confirmDeadline ?? null,
    })
    .returning();
  return row;
}

/** Everything a refused operation must leave untouched. */
export async function snapshot(db: Db, bookingId: string) {
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  const [{ events }] = await db.select({ events: count() }).from(bookingEvents).where(eq(bookingEvents.bookingId, bookingId));
  const [{ mails }] = await db.select({ mails: count() }).from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
  return { booking, events, mails };
}

export async function outboxTemplates(db: Db, bookingId: string): Promise<string[]> {
  const rows = await db.select({ template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.bookingId, bookingId));
  return rows.map((r) => r.template).sort();
}

/** Awaits a promise that must fail with a DomainError of `code`; returns the error. */
export async function expectDomainError(promise: Promise<unknown>, code: ErrorCode) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isDomainError(error) ? error.code : error).toBe(code);
  if (!isDomainError(error)) throw new Error('unreachable');
  return error;
}
