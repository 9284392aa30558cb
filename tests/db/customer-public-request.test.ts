/**
 * createPublicRequest, the domain behind the public page and API: what is written (customer,
 * public channel, the customer's language, the manage link in the mail) and what is refused
 * (resources customers may not book, the booking rules, the cap on open requests), with
 * alternatives among customer-bookable resources only.
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPublicRequestAction } from '@/app/(public)/book/actions';
import { actionTokens, bookingEvents, bookings, emailOutbox, rateLimits, resources } from '@/db/schema';
import { ANONYMOUS } from '@/lib/authz';
import { translator } from '@/lib/i18n/messages';
import { createPublicRequest } from '@/lib/customer/create-public';
import { V } from '@/lib/customer/schemas';
import { fillLinkTokens } from '@/lib/tokens';
import { NOW, expectDomainError, resourceByCode, seedBooking, slot } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';
import { reportClosesAt } from '@/lib/incidents/report-window';

const { db } = useTestDb();
let ip = 0;
let mail = 0;
const client = () => ({ ip: `192.0.2.${++ip % 250}`, now: NOW });

function request(resourceId: string, when: { startAt: Date; endAt: Date }, extra: Record<string, unknown> = {}) {
  return {
    resourceId,
    startAt: when.startAt.toISOString(),
    endAt: when.endAt.toISOString(),
    name: 'Ms Green',
    phone: '+44 20 7946 0958',
    email: `green${++mail}@customer.example.com`,
    company: 'Green Interiors Ltd',
    visitors: 4,
    ...extra,
  };
}

let showroom: Awaited<ReturnType<typeof resourceByCode>>;
let room501: Awaited<ReturnType<typeof resourceByCode>>;

beforeAll(async () => {
  showroom = await resourceByCode(db(), 'SR-101');
  room501 = await resourceByCode(db(), 'MR-501');
});

describe('createPublicRequest', () => {
  it('writes a pending customer request that holds its slot, in the customer’s language, and mails the manage link', async () => {
    const when = slot('2030-03-12', '10:00', '11:00');
    const created = await createPublicRequest(db(), request(showroom.id, when), { ...client(), locale: 'en' });
    expect(created).toMatchObject({ status: 'pending', reference: expect.stringMatching(/^BK-2030-\d{6}$/) });

    const [booking] = await db().select().from(bookings).where(eq(bookings.id, created.id));
    expect(booking).toMatchObject({
      requesterKind: 'customer',
      requesterUserId: null,
      channel: 'public',
      locale: 'en',
      holdsSlot: true,
      contactName: 'Ms Green',
      company: 'Green Interiors Ltd',
      attendees: 4,
    });
    const [event] = await db().select().from(bookingEvents).where(eq(bookingEvents.bookingId, created.id));
    expect(event).toMatchObject({ action: 'submitted', actorKind: 'customer', toStatus: 'pending' });

    const [outbox] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, created.id));
    expect(outbox).toMatchObject({ template: 'request-received', toAddress: booking.contactEmail, locale: 'en' });
    expect(fillLinkTokens((outbox.payload as { links: { view: string } }).links.view)).toMatch(/\/m\/[A-Za-z0-9_-]{43}$/);
    const [token] = await db().select().from(actionTokens).where(eq(actionTokens.bookingId, created.id));
    expect(token).toMatchObject({ purpose: 'manage', usedAt: null });
    // Open until damage found during the visit can no longer be reported through it.
    expect(token.expiresAt.toISOString()).toBe(reportClosesAt(booking).toISOString());
  });

  it('only resources customers may book', async () => {
    const internal = await resourceByCode(db(), 'MR-302');
    const error = await expectDomainError(
      createPublicRequest(db(), request(internal.id, slot('2030-03-12', '10:00', '11:00')), client()),
      'invalid_input',
    );
    expect(error.details.fields).toEqual({ resourceId: [V.resource_not_bookable] });
    await db().update(resources).set({ state: 'maintenance' }).where(eq(resources.id, room501.id));
    try {
      await expectDomainError(
        createPublicRequest(db(), request(room501.id, slot('2030-03-12', '10:00', '11:00')), client()),
        'resource_unavailable',
      );
    } finally {
      await db().update(resources).set({ state: 'in_service' }).where(eq(resources.id, room501.id));
    }
  });

  it('applies the booking rules: notice, capacity, duration, horizon, opening hours', async () => {
    const tomorrowEarly = { startAt: new Date(NOW.getTime() + 3_600_000), endAt: new Date(NOW.getTime() + 7_200_000) };
    const notice = await expectDomainError(
      createPublicRequest(db(), request(showroom.id, tomorrowEarly), client()),
      'lead_time',
    );
    expect(notice.details.params).toMatchObject({ hours: 24 });
    expect(notice.details.alternatives?.length).toBeGreaterThan(0);
    await expectDomainError(
      createPublicRequest(db(), request(room501.id, slot('2030-03-13', '10:00', '11:00'), { visitors: 7 }), client()),
      'over_capacity',
    );
    await expectDomainError(
      createPublicRequest(db(), request(showroom.id, slot('2030-03-13', '09:00', '13:30')), client()),
      'too_long',
    );
    await expectDomainError(
      createPublicRequest(db(), request(showroom.id, slot('2030-07-01', '10:00', '11:00')), client()),
      'beyond_horizon',
    );
    await expectDomainError(
      createPublicRequest(db(), request(showroom.id, slot('2030-03-16', '10:00', '11:00')), client()),
      'outside_hours',
    );
  });

  it('a taken slot: slot_taken with alternatives on customer-bookable resources only', async () => {
    const when = slot('2030-03-14', '10:00', '11:00');
    await seedBooking(db(), { resourceId: room501.id, ...when, status: 'confirmed' });
    const error = await expectDomainError(createPublicRequest(db(), request(room501.id, when), client()), 'slot_taken');
    const alternatives = error.details.alternatives ?? [];
    expect(alternatives.length).toBeGreaterThan(0);
    const bookable = await db()
      .select({ id: resources.id })
      .from(resources)
      .where(
        and(
          eq(resources.customerBookable, true),
          inArray(
            resources.id,
            alternatives.map((a) => a.resourceId),
          ),
        ),
      );
    expect(new Set(alternatives.map((a) => a.resourceId))).toEqual(new Set(bookable.map((r) => r.id)));
    expect(alternatives.some((a) => a.resourceId !== room501.id)).toBe(true);
  });

  it('caps open public requests per e-mail address (customer_max_open_requests)', async () => {
    const email = 'busy.customer@example.com';
    for (const day of ['2030-03-18', '2030-03-19', '2030-03-20']) {
      await createPublicRequest(db(), request(showroom.id, slot(day, '14:00', '15:00'), { email }), client());
    }
    const error = await expectDomainError(
      createPublicRequest(
        db(),
        request(showroom.id, slot('2030-03-21', '14:00', '15:00'), { email: 'Busy.Customer@Example.com' }),
        client(),
      ),
      'too_many_open',
    );
    expect(error.details.params).toEqual({ max: 3 });
    // A request that ended no longer counts.
    const [first] = await db().select().from(bookings).where(eq(bookings.contactEmail, email));
    await db().update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, first.id));
    await createPublicRequest(db(), request(showroom.id, slot('2030-03-21', '14:00', '15:00'), { email }), client());
  });

  it('lets exactly the cap through when one address asks for five slots at once (its rate limit), and the refused draw no BK number', async () => {
    const email = 'eager.customer@example.com';
    const days = ['2030-04-01', '2030-04-02', '2030-04-03', '2030-04-04', '2030-04-05'];
    const results = await Promise.allSettled(
      days.map((day) => createPublicRequest(db(), request(showroom.id, slot(day, '10:00', '11:00'), { email }), client())),
    );
    const accepted = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { code?: string }] : []));
    expect(accepted).toHaveLength(3);
    expect(refused.map((e) => e.code)).toEqual(['too_many_open', 'too_many_open']);
    const numbers = accepted.map((b) => Number(b.reference.slice(-6))).sort((a, b) => a - b);
    const next = await createPublicRequest(db(), request(showroom.id, slot('2030-04-09', '10:00', '11:00')), client());
    expect([...numbers, Number(next.reference.slice(-6))]).toEqual([0, 1, 2, 3].map((i) => numbers[0] + i));
  });
});

describe('checkPublicRequestAction (the public page checks with the server, shipping no zod)', () => {
  const check = (input: Record<string, unknown>, locale: 'zh' | 'en') =>
    checkPublicRequestAction.invoke({ db: db(), actor: ANONYMOUS, locale, headers: new Headers() }, input);
  const stored = async () => ({
    limits: (await db().select({ n: count() }).from(rateLimits))[0].n,
    bookings: (await db().select({ n: count() }).from(bookings))[0].n,
  });

  it('answers with the schema’s messages by field, in the reader’s language, storing nothing and counting no rate limit', async () => {
    const before = await stored();
    const when = slot('2030-03-19', '10:00', '11:00');
    const bad = { ...request(showroom.id, when), email: 'green@customer.example.com, blue@customer.example.com', phone: '12' };
    for (const locale of ['en', 'zh'] as const) {
      const t = translator(locale) as (key: string) => string;
      expect(await check(bad, locale)).toMatchObject({
        ok: false,
        code: 'invalid_input',
        fieldErrors: { email: [t(V.invalid_email)], phone: [t(V.invalid_phone)] },
      });
    }
    expect(await check(request(showroom.id, when), 'en')).toMatchObject({ ok: true });
    expect(await stored()).toEqual(before);
  });
});
