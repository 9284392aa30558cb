/**
 * Writes a customer's request, whatever the channel (public page, phone, e-mail, priority). The
 * booking domain's rules apply unchanged — the customer notice (`customer_min_notice_hours`),
 * capacity, maximum duration, opening hours, the horizon — plus one of the customer channel:
 * only resources the ledger marks customer-bookable. The insert holds the slot (the exclusion
 * constraint decides between simultaneous requests; when PostgreSQL aborts one of them as a
 * deadlock inside that check, the request is simply run again and then sees the winner); a slot
 * that cannot be had is answered with alternatives among customer-bookable resources.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, type Booking, type Locale, type Resource } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { withAlternatives } from './alternatives';
import type { SlotQuery } from './availability';
import { loadRequestContext, type LoadedContext } from './context';
import { insertSubmittedBooking, type InsertGuard } from './create';
import type { EventActor } from './events';
import { isUuid } from './ids';
import { assertSlotRules } from './rules';
import { DomainError } from '@/lib/errors';
import { V, type ServiceDeskRequestInput } from '@/lib/customer/schemas';

/** What every customer channel asks for (rule 5). */
export interface CustomerRequest {
  resourceId: string;
  startAt: Date;
  endAt: Date;
  name: string;
  phone: string;
  email: string;
  company: string;
  visitors?: number;
  specialNeeds?: string;
}

export interface CustomerBookingSpec {
  request: CustomerRequest;
  channel: 'public' | 'phone' | 'email';
  locale: Locale;
  holdsSlot: boolean;
  /** Who filed it, for the audit trail: the customer, or a service-desk user. */
  actor: EventActor;
  enteredById?: string | null;
  originalMessage?: string | null;
  importantCustomer?: boolean;
  /** A priority request: the staff booking it asks admin to displace. */
  displacesBookingId?: string;
  /** Further checks inside the transaction, after the slot rules and before the insert. */
  before?: (tx: Db, resource: Resource) => Promise<void>;
  /** A check in the insert's own statement (no transaction needed), after the slot rules. */
  guard?: InsertGuard;
}

/** The service-desk fields plus the customer's request: what every desk form has in common. */
export type DeskRequestFields = Omit<ServiceDeskRequestInput, 'holdsSlot'>;

/** What sets one kind of desk request apart: whether it holds the slot, what it displaces. */
export type DeskRequestKind = Pick<CustomerBookingSpec, 'holdsSlot' | 'displacesBookingId' | 'before'>;

/**
 * Files what customer service typed in for a customer: the desk's own fields go on the booking
 * (written to in the customer's language, else the default), the rest is the customer's request.
 */
export async function insertDeskRequest(
  db: Db,
  user: UserActor,
  fields: DeskRequestFields,
  kind: DeskRequestKind,
  now?: Date,
): Promise<Booking> {
  const { channel, originalMessage, importantCustomer, locale, ...request } = fields;
  const { ctx, resource } = await loadCustomerRequestContext(db, now, request);
  return insertCustomerBooking(db, ctx, resource, {
    request,
    channel,
    locale: locale ?? ctx.settings.defaultLocale,
    actor: user,
    enteredById: user.id,
    originalMessage: originalMessage ?? null,
    importantCustomer,
    ...kind,
  });
}

export function customerSlotQuery(request: CustomerRequest): SlotQuery {
  return {
    resourceId: request.resourceId,
    startAt: request.startAt,
    endAt: request.endAt,
    attendees: request.visitors ?? null,
    requesterKind: 'customer',
    customerBookableOnly: true,
  };
}

/** The resource, if customers may book it; anything else is a field error on `resourceId`. */
export async function loadCustomerBookableResource(db: Db, resourceId: string): Promise<Resource> {
  const [resource] = isUuid(resourceId) ? await db.select().from(resources).where(eq(resources.id, resourceId)) : [];
  return customerBookable(resource);
}

/** The policy context and the resource a customer's request names (customer-bookable), in one read. */
export async function loadCustomerRequestContext(
  db: Db,
  now: Date = new Date(),
  request: CustomerRequest,
): Promise<{ ctx: LoadedContext; resource: Resource }> {
  const { ctx, resource } = await loadRequestContext(db, now, request, { resourceId: request.resourceId });
  return { ctx, resource: customerBookable(resource) };
}

function customerBookable(resource: Resource | undefined): Resource {
  if (!resource || !resource.customerBookable || resource.state === 'retired') {
    throw new DomainError('invalid_input', undefined, { fields: { resourceId: [V.resource_not_bookable] } });
  }
  return resource;
}

/**
 * `resource`: read with `ctx` before the insert (loadCustomerRequestContext), since the resource's
 * schedule is locked from the INSERT on only. Without `before` checks the insert is a single
 * statement and needs no transaction (lib/booking/create.ts `insertSubmittedBooking`).
 */
export async function insertCustomerBooking(db: Db, ctx: LoadedContext, resource: Resource, spec: CustomerBookingSpec): Promise<Booking> {
  const { request, before } = spec;
  const insert = () => {
    assertSlotRules(resource, { ...request, attendees: request.visitors }, 'customer', ctx);
    const submit = (tx: Db) =>
      insertSubmittedBooking(
        tx,
        ctx,
        resource,
        {
          requesterKind: 'customer',
          enteredById: spec.enteredById ?? null,
          contactName: request.name,
          contactPhone: request.phone,
          contactEmail: request.email,
          company: request.company,
          locale: spec.locale,
          channel: spec.channel,
          priority: spec.displacesBookingId ? 'priority' : 'normal',
          displacesBookingId: spec.displacesBookingId ?? null,
          importantCustomer: spec.importantCustomer ?? false,
          attendees: request.visitors ?? null,
          specialNeeds: request.specialNeeds ?? '',
          originalMessage: spec.originalMessage ?? null,
          startAt: request.startAt,
          endAt: request.endAt,
          holdsSlot: spec.holdsSlot,
        },
        {
          actor: spec.actor,
          data: {
            channel: spec.channel,
            holdsSlot: spec.holdsSlot,
            ...(spec.displacesBookingId && { displacesBookingId: spec.displacesBookingId }),
          },
        },
        { email: request.email, name: request.name, locale: spec.locale },
        spec.guard,
      );
    return before
      ? db.transaction(async (tx) => {
          await before(tx, resource);
          return submit(tx);
        })
      : submit(db);
  };
  return withAlternatives(db, ctx, customerSlotQuery(request), 'customer', insert);
}
