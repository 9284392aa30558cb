/**
 * The JSON API against the built app, over HTTP as another system would call it: signed in with
 * the Auth.js credentials flow (CSRF token, then the form post; the session cookie is kept).
 *
 * The authorization matrix: every route × {anonymous, staff A, staff B, customer service,
 * admin} × {own, foreign booking}. Each refused call is followed by re-reading the booking: its
 * status, version and history must not have moved. The bookings are made by the test on
 * working days a few weeks ahead (the holiday calendar the app was seeded with), one hour each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledHolidays } from '@/lib/demo/holidays';
import { addWorkingDays, dayInZone, zonedInstant, type HolidayCalendar } from '@/lib/calendar/working-days';
import { ApiClient as Client } from './api-client';

type Who = 'anonymous' | 'staffA' | 'staffB' | 'service' | 'admin';
type Person = Exclude<Who, 'anonymous'>;

const PEOPLE: Record<Person, { email: string; phone: string }> = {
  staffA: { email: 'staff@example.com', phone: '138 0013 8000' },
  staffB: { email: 'staff2@example.com', phone: '139 0013 9000' },
  service: { email: 'service@example.com', phone: '021-5888 0002' },
  admin: { email: 'admin@example.com', phone: '021-5888 0001' },
};
const EVERYONE: Who[] = ['anonymous', 'staffA', 'staffB', 'service', 'admin'];

const clients = {} as Record<Who, Client>;
const as = (who: Who) => clients[who];

// ---------------------------------------------------------------------------------------------
// Slots: one hour on MR-302 (no buffers), working days from four weeks ahead.
// ---------------------------------------------------------------------------------------------

const TIME_ZONE = 'Asia/Shanghai';
const calendar: HolidayCalendar = new Map(loadBundledHolidays().map((h) => [h.date, h.kind]));
const today = dayInZone(new Date(), TIME_ZONE);
let slotCounter = 0;

function nextSlot(): { startAt: string; endAt: string } {
  const n = slotCounter++;
  const day = addWorkingDays(today, 20 + Math.floor(n / 8), calendar);
  const hour = String(9 + (n % 8)).padStart(2, '0');
  return {
    startAt: zonedInstant(day, `${hour}:00`, TIME_ZONE).toISOString(),
    endAt: zonedInstant(day, `${hour}:59`, TIME_ZONE).toISOString(),
  };
}

let mr302: string;
/** A pending customer request from the demo data, for customer service's part of the matrix. */
let customerBookingId: string;

async function book(who: Person, extra: Record<string, unknown> = {}) {
  const res = await as(who).call('POST', '/api/v1/bookings', {
    resourceId: mr302,
    ...nextSlot(),
    purpose: `API matrix (${who})`,
    attendees: 3,
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; reference: string; status: string; phone: string; version: number };
}

/** What must not move when a call is refused. */
async function snapshot(id: string) {
  const res = await as('admin').call('GET', `/api/v1/bookings/${id}`);
  expect(res.status).toBe(200);
  return { status: res.json.booking.status, version: res.json.booking.version, events: res.json.events.length };
}

// ---------------------------------------------------------------------------------------------
// The rules the matrix expects (product.md "People and what each can do").
// ---------------------------------------------------------------------------------------------

type Action = 'approve' | 'reject' | 'request-info' | 'supplement' | 'confirm' | 'decline' | 'cancel';

const BODIES: Record<Action, unknown> = {
  approve: { opinion: '同意，请按时使用。' },
  reject: { reason: '当天另有安排。' },
  'request-info': { message: '请补充参会人员名单。' },
  supplement: { message: '参会人员：张三、李四。', attendees: 4 },
  confirm: undefined,
  decline: { reason: '会议取消。' },
  cancel: { reason: '计划有变。' },
};

/** The expected status for `who` doing `action` to a staff booking of `owner` (status allowing it). */
function expected(action: Action, who: Who, owner: Person): number {
  if (who === 'anonymous') return 401;
  if (action === 'approve' || action === 'reject' || action === 'request-info') return who === 'admin' ? 200 : 403;
  if (who === owner) return 200;
  if (action === 'cancel' && who === 'admin') return 200;
  return who === 'admin' ? 403 : 404;
}

const CODE_OF: Record<number, string> = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'invalid_transition' };

/** Everyone who may not do `action` tries it; each is refused and nothing changes. */
async function everyRefusal(action: Action, bookingId: string, owner: Person) {
  const before = await snapshot(bookingId);
  for (const who of EVERYONE) {
    const want = expected(action, who, owner);
    if (want === 200) continue;
    const res = await as(who).call('POST', `/api/v1/bookings/${bookingId}/${action}`, BODIES[action]);
    expect({ who, action, status: res.status, code: res.json?.error?.code }).toEqual({
      who,
      action,
      status: want,
      code: CODE_OF[want],
    });
    expect(await snapshot(bookingId)).toEqual(before);
  }
}

async function act(who: Person, action: Action, bookingId: string, owner: Person, to: string) {
  expect(expected(action, who, owner)).toBe(200);
  const res = await as(who).call('POST', `/api/v1/bookings/${bookingId}/${action}`, BODIES[action]);
  expect(res.status, `${who} ${action}: ${res.text}`).toBe(200);
  expect(res.json.id).toBe(bookingId);
  expect(res.json.status).toBe(to);
  return res.json;
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  for (const who of EVERYONE) {
    clients[who] = new Client();
    if (who !== 'anonymous') await clients[who].signIn(PEOPLE[who].email);
  }
  const resources = await as('staffA').call('GET', '/api/v1/resources');
  const byCode = new Map<string, string>(resources.json.resources.map((r: { code: string; id: string }) => [r.code, r.id]));
  mr302 = byCode.get('MR-302')!;
  const customers = await as('admin').call('GET', '/api/v1/bookings?requesterKind=customer&status=pending');
  customerBookingId = customers.json.bookings[0].id;
});

describe('GET /api/v1/resources', () => {
  it('anonymous → 401; every signed-in role gets the resources with type, capacity, facilities, notes and hours', async () => {
    const anonymous = await as('anonymous').call('GET', '/api/v1/resources');
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
    for (const who of ['staffA', 'staffB', 'service', 'admin'] as const) {
      const res = await as(who).call('GET', '/api/v1/resources');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('no-store');
      const codes = res.json.resources.map((r: { code: string }) => r.code);
      expect(codes).toEqual(expect.arrayContaining(['MR-301', 'MR-302', 'SR-101', 'SW-B1', 'EQ-01']));
      const room = res.json.resources.find((r: { code: string }) => r.code === 'MR-301');
      expect(room).toMatchObject({
        type: { code: 'meeting_room' },
        capacity: 12,
        name: { zh: '301 会议室', en: 'Meeting Room 301' },
        location: { zh: '总部 3 楼', en: 'HQ, 3rd floor' },
        facilities: { zh: expect.arrayContaining(['投影仪']), en: expect.arrayContaining(['Projector']) },
        notes: { zh: expect.stringContaining('投影仪'), en: expect.stringContaining('projector') },
        hours: { opensAt: expect.stringMatching(/^08:30/), closesAt: expect.stringMatching(/^18:00/), workingDaysOnly: true },
      });
    }
  });
});

describe('POST /api/v1/bookings', () => {
  it('201 with Location and the phone on file; the same slot again → 409 with alternatives', async () => {
    const slot = nextSlot();
    const body = { resourceId: mr302, ...slot, purpose: '季度复盘会', attendees: 5 };
    const created = await as('staffA').call('POST', '/api/v1/bookings', body);
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({
      id: expect.any(String),
      reference: expect.stringMatching(/^BK-\d{4}-\d{6}$/),
      status: 'pending',
      resourceId: mr302,
      startAt: slot.startAt,
      endAt: slot.endAt,
      purpose: '季度复盘会',
      attendees: 5,
      phone: PEOPLE.staffA.phone,
      requesterKind: 'staff',
    });
    expect(created.headers.get('location')).toBe(`/api/v1/bookings/${created.json.id}`);
    expect((await as('staffA').call('GET', created.headers.get('location')!)).status).toBe(200);

    const again = await as('staffB').call('POST', '/api/v1/bookings', { ...body, phone: '139 0000 0000' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('slot_taken');
    expect(again.json.error.message).toEqual(expect.any(String));
    expect(again.json.error.alternatives.length).toBeGreaterThan(0);
    for (const alternative of again.json.error.alternatives) {
      expect(Object.keys(alternative).sort()).toEqual(['endAt', 'resourceId', 'startAt']);
      expect(Date.parse(alternative.endAt) - Date.parse(alternative.startAt)).toBe(Date.parse(slot.endAt) - Date.parse(slot.startAt));
      expect(alternative.startAt === slot.startAt && alternative.resourceId === mr302).toBe(false);
    }
  });

  it('every signed-in role may request for itself; anonymous → 401 and nothing is created', async () => {
    const count = async () => (await as('admin').call('GET', '/api/v1/bookings')).json.bookings.length;
    const before = await count();
    const anonymous = await as('anonymous').call('POST', '/api/v1/bookings', { resourceId: mr302, ...nextSlot(), purpose: 'x' });
    expect(anonymous.status).toBe(401);
    expect(await count()).toBe(before);
    for (const who of ['staffB', 'service', 'admin'] as const) {
      const booking = await book(who);
      expect(booking.phone).toBe(PEOPLE[who].phone);
    }
    expect(await count()).toBe(before + 3);
  });

  it('malformed JSON → 400, missing fields → 422 with per-field messages, no JSON type → 415, too large → 413', async () => {
    const bad = await as('staffA').call('POST', '/api/v1/bookings', undefined, { raw: '{"resourceId": ' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_json');

    const missing = await as('staffA').call('POST', '/api/v1/bookings?locale=zh', {});
    expect(missing.status).toBe(422);
    expect(missing.json.error.code).toBe('invalid_input');
    for (const field of ['resourceId', 'startAt', 'endAt', 'purpose']) {
      expect(missing.json.error.fields[field]).toEqual([expect.any(String)]);
    }
    expect(missing.json.error.message).toBe('提交的内容有误，请检查标出的字段。');
    expect(missing.json.error.fields.purpose).toEqual(['此项为必填项。']);
    const english = await as('staffA').call('POST', '/api/v1/bookings?locale=en', {});
    expect(english.json.error.fields.purpose).toEqual(['This field is required.']);

    const wrongTypes = await as('staffA').call('POST', '/api/v1/bookings', {
      resourceId: 42,
      startAt: '2026-12-01 10:00',
      endAt: true,
      purpose: ['x'],
      attendees: 'many',
    });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.json.error.fields).sort()).toEqual(['attendees', 'endAt', 'purpose', 'resourceId', 'startAt']);

    const slot = nextSlot();
    const backwards = await as('staffA').call('POST', '/api/v1/bookings', {
      resourceId: mr302,
      startAt: slot.endAt,
      endAt: slot.startAt,
      purpose: 'x',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.json.error.fields.endAt).toBeDefined();

    const form = await as('staffA').call('POST', '/api/v1/bookings', undefined, {
      raw: 'purpose=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);

    const huge = await as('staffA').call('POST', '/api/v1/bookings', { resourceId: mr302, purpose: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
  });
});

describe('GET /api/v1/bookings and /api/v1/bookings/{id}', () => {
  const own = {} as Record<Person, string>;

  beforeAll(async () => {
    for (const who of ['staffA', 'staffB', 'service', 'admin'] as const) own[who] = (await book(who)).id;
  });

  it('each sees their own list, customer service the customer bookings too; admin sees every booking', async () => {
    for (const who of ['staffA', 'staffB', 'service'] as const) {
      const ids = (await as(who).call('GET', '/api/v1/bookings')).json.bookings.map((b: { id: string }) => b.id);
      for (const owner of ['staffA', 'staffB', 'service', 'admin'] as const) {
        expect(ids.includes(own[owner]), `${who} lists ${owner}'s booking`).toBe(owner === who);
      }
      expect(ids.includes(customerBookingId), `${who} lists the customer booking`).toBe(who === 'service');
    }
    const all = (await as('admin').call('GET', '/api/v1/bookings')).json.bookings.map((b: { id: string }) => b.id);
    expect(all).toEqual(expect.arrayContaining([...Object.values(own), customerBookingId]));
    expect((await as('anonymous').call('GET', '/api/v1/bookings')).status).toBe(401);
  });

  it('filters: status, resource, window; invalid ones → 422', async () => {
    const mine = await as('admin').call('GET', `/api/v1/bookings/${own.staffA}`);
    const { startAt, endAt } = mine.json.booking;
    const query = new URLSearchParams({ status: 'pending', resourceId: mr302, from: startAt, to: endAt });
    const filtered = (await as('admin').call('GET', `/api/v1/bookings?${query}`)).json.bookings;
    expect(filtered.map((b: { id: string }) => b.id)).toEqual([own.staffA]);
    const cancelledOnly = await as('staffA').call('GET', '/api/v1/bookings?status=cancelled');
    expect(cancelledOnly.json.bookings.map((b: { id: string }) => b.id)).not.toContain(own.staffA);
    const window = await as('staffA').call('GET', `/api/v1/bookings?${new URLSearchParams({ from: startAt, to: endAt })}`);
    expect(window.json.bookings.map((b: { id: string }) => b.id)).toEqual([own.staffA]);

    for (const bad of ['status=bogus', 'resourceId=nope', 'from=yesterday', `from=${endAt}&to=${startAt}`]) {
      const res = await as('admin').call('GET', `/api/v1/bookings?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.json.error.code).toBe('invalid_input');
      expect(Object.keys(res.json.error.fields).length).toBeGreaterThan(0);
    }
  });

  it('the detail: the owner and admin see it; anyone else gets 404; customer service sees customer bookings', async () => {
    for (const owner of ['staffA', 'staffB', 'service', 'admin'] as const) {
      for (const who of EVERYONE) {
        const res = await as(who).call('GET', `/api/v1/bookings/${own[owner]}`);
        const want = who === 'anonymous' ? 401 : who === owner || who === 'admin' ? 200 : 404;
        expect({ who, owner, status: res.status }).toEqual({ who, owner, status: want });
        if (want === 200) {
          expect(res.json.booking.id).toBe(own[owner]);
          expect(res.json.events[0]).toMatchObject({ action: 'submitted', toStatus: 'pending' });
        }
      }
    }
    const customer = Object.fromEntries(
      await Promise.all(
        EVERYONE.map(async (who) => [who, (await as(who).call('GET', `/api/v1/bookings/${customerBookingId}`)).status]),
      ),
    );
    expect(customer).toEqual({ anonymous: 401, staffA: 404, staffB: 404, service: 200, admin: 200 });
  });

  it('a malformed or unknown id → 404', async () => {
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '%27%20or%201=1']) {
      const res = await as('admin').call('GET', `/api/v1/bookings/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
  });
});

describe('POST /api/v1/bookings/{id}/{action}: the authorization matrix', () => {
  it.each(['staffA', 'staffB', 'service', 'admin'] as const)(
    "%s's booking through request-info → supplement → approve → confirm → cancel, refused for everyone else at each step",
    async (owner) => {
      const { id } = await book(owner);
      for (const action of ['approve', 'reject', 'request-info'] as const) await everyRefusal(action, id, owner);
      await everyRefusal('cancel', id, owner);
      await act('admin', 'request-info', id, owner, 'needs_info');

      await everyRefusal('supplement', id, owner);
      const supplemented = await act(owner, 'supplement', id, owner, 'pending');
      expect(supplemented.attendees).toBe(4);

      await act('admin', 'approve', id, owner, 'awaiting_confirmation');
      await everyRefusal('confirm', id, owner);
      await everyRefusal('decline', id, owner);
      await act(owner, 'confirm', id, owner, 'confirmed');

      await everyRefusal('cancel', id, owner);
      const cancelled = await act(owner, 'cancel', id, owner, 'cancelled');
      expect(cancelled.statusReason).toBe('计划有变。');

      const history = (await as('admin').call('GET', `/api/v1/bookings/${id}`)).json.events.map(
        (e: { action: string }) => e.action,
      );
      expect(history).toEqual(['submitted', 'request_info', 'supplement', 'approve', 'confirm', 'cancel']);
    },
  );

  it.each(['staffA', 'service'] as const)("admin rejects and cancels %s's requests; the applicant declines an approval", async (owner) => {
    const rejected = await book(owner);
    await act('admin', 'reject', rejected.id, owner, 'rejected');

    const cancelledByAdmin = await book(owner);
    await act('admin', 'cancel', cancelledByAdmin.id, owner, 'cancelled');

    const declined = await book(owner);
    await act('admin', 'approve', declined.id, owner, 'awaiting_confirmation');
    await act(owner, 'decline', declined.id, owner, 'cancelled');
  });

  it('a transition the status does not allow → 409 invalid_transition, nothing changes', async () => {
    const { id } = await book('staffA');
    const attempts: [Who, Action][] = [
      ['staffA', 'confirm'],
      ['staffA', 'decline'],
      ['staffA', 'supplement'],
    ];
    const pending = await snapshot(id);
    for (const [who, action] of attempts) {
      const res = await as(who).call('POST', `/api/v1/bookings/${id}/${action}`, BODIES[action]);
      expect({ action, status: res.status, code: res.json.error.code }).toEqual({ action, status: 409, code: 'invalid_transition' });
    }
    expect(await snapshot(id)).toEqual(pending);

    await act('staffA', 'cancel', id, 'staffA', 'cancelled');
    const cancelled = await snapshot(id);
    for (const [who, action] of [['admin', 'approve'], ['admin', 'reject'], ['admin', 'request-info'], ['staffA', 'cancel']] as [Who, Action][]) {
      const res = await as(who).call('POST', `/api/v1/bookings/${id}/${action}`, BODIES[action]);
      expect({ action, status: res.status, code: res.json.error.code }).toEqual({ action, status: 409, code: 'invalid_transition' });
    }
    expect(await snapshot(id)).toEqual(cancelled);
  });

  it("customer service acts for a customer's booking; staff cannot reach it", async () => {
    const before = await snapshot(customerBookingId);
    // Service passes the authorization and meets the status rule (the request is pending).
    const supplement = await as('service').call('POST', `/api/v1/bookings/${customerBookingId}/supplement`, BODIES.supplement);
    expect(supplement.status).toBe(409);
    expect((await as('service').call('POST', `/api/v1/bookings/${customerBookingId}/approve`, BODIES.approve)).status).toBe(403);
    for (const who of ['staffA', 'staffB'] as const) {
      expect((await as(who).call('POST', `/api/v1/bookings/${customerBookingId}/cancel`, BODIES.cancel)).status).toBe(404);
    }
    expect(await snapshot(customerBookingId)).toEqual(before);
  });

  it('bad input to an action: 400, 422 with fields, unknown action or booking → 404', async () => {
    const { id } = await book('staffB');
    const before = await snapshot(id);
    const malformed = await as('admin').call('POST', `/api/v1/bookings/${id}/reject`, undefined, { raw: '{"reason":' });
    expect(malformed.status).toBe(400);
    const missing = await as('admin').call('POST', `/api/v1/bookings/${id}/reject`, { reason: '   ' });
    expect(missing.status).toBe(422);
    expect(missing.json.error.fields.reason).toEqual([expect.any(String)]);
    const approveHalfMove = await as('admin').call('POST', `/api/v1/bookings/${id}/approve`, {
      opinion: '改到下午',
      startAt: nextSlot().startAt,
    });
    expect(approveHalfMove.status).toBe(422);
    expect(approveHalfMove.json.error.fields.endAt).toBeDefined();
    expect((await as('admin').call('POST', `/api/v1/bookings/${id}/archive`, {})).status).toBe(404);
    expect((await as('admin').call('POST', `/api/v1/bookings/not-a-uuid/reject`, BODIES.reject)).status).toBe(404);
    expect((await as('staffB').call('GET', `/api/v1/bookings/${id}/approve`)).status).toBe(405);
    expect(await snapshot(id)).toEqual(before);
  });

  it('admin approves for another time; a taken target → 409 with alternatives', async () => {
    const taken = await book('staffA');
    const { id } = await book('staffB');
    const takenSlot = (await as('admin').call('GET', `/api/v1/bookings/${taken.id}`)).json.booking;
    const clash = await as('admin').call('POST', `/api/v1/bookings/${id}/approve`, {
      opinion: '改到这个时间',
      startAt: takenSlot.startAt,
      endAt: takenSlot.endAt,
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.code).toBe('slot_taken');
    expect(clash.json.error.alternatives.length).toBeGreaterThan(0);
    expect((await snapshot(id)).status).toBe('pending');

    const free = nextSlot();
    const moved = await as('admin').call('POST', `/api/v1/bookings/${id}/approve`, { opinion: '改期批准', ...free });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.json).toMatchObject({ status: 'awaiting_confirmation', startAt: free.startAt, endAt: free.endAt, reviewOpinion: '改期批准' });
  });
});

describe('GET /api/v1/resources/{id}/calendar.ics', () => {
  it('signed in: the holding bookings as busy events with reference and status, no personal data', async () => {
    const booking = await book('staffA', { purpose: '供应商技术交流' });
    for (const who of ['staffB', 'service', 'admin'] as const) {
      const res = await as(who).call('GET', `/api/v1/resources/${mr302}/calendar.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      expect(res.text).toMatch(/^BEGIN:VCALENDAR/);
      expect(res.text).toContain(booking.reference);
      expect(res.text).not.toContain(PEOPLE.staffA.email);
      expect(res.text).not.toContain(PEOPLE.staffA.phone);
      expect(res.text).not.toContain('张销售');
    }
    // Cancelled bookings hold nothing and are not in the feed.
    await act('staffA', 'cancel', booking.id, 'staffA', 'cancelled');
    const after = await as('staffB').call('GET', `/api/v1/resources/${mr302}/calendar.ics`);
    expect(after.text).not.toContain(booking.reference);

    // A customer's visit: reference and status only, whoever subscribes.
    const customer = (await as('admin').call('GET', `/api/v1/bookings/${customerBookingId}`)).json.booking;
    const showroom = await as('admin').call('GET', `/api/v1/resources/${customer.resourceId}/calendar.ics`);
    expect(showroom.text).toContain(customer.reference);
    const secrets = [customer.contactName, customer.phone, customer.contactEmail, customer.company, customer.purpose];
    // An empty field is no secret (and `not.toContain('')` could never pass).
    for (const secret of secrets.filter((value): value is string => Boolean(value))) {
      expect(showroom.text).not.toContain(secret);
    }
  });

  it('anonymous → 401, unknown or malformed resource → 404', async () => {
    expect((await as('anonymous').call('GET', `/api/v1/resources/${mr302}/calendar.ics`)).status).toBe(401);
    expect((await as('staffA').call('GET', '/api/v1/resources/00000000-0000-4000-8000-000000000000/calendar.ics')).status).toBe(404);
    expect((await as('staffA').call('GET', '/api/v1/resources/MR-302/calendar.ics')).status).toBe(404);
  });
});

describe('the visit: check-in, check-out and inspection over HTTP', () => {
  const VISIT = ['check-in', 'check-out', 'inspect'] as const;
  const body = (action: (typeof VISIT)[number], checklist: { key: string }[]) =>
    action === 'check-in'
      ? {}
      : action === 'check-out'
        ? { checklist: checklist.map(({ key }) => ({ key, done: true })), condition: 'ok' }
        : { result: 'ok' };

  it("staff A's confirmed booking far ahead: the window and status answer 409 with a code, everyone else is refused, nothing changes", async () => {
    const { id } = await book('staffA');
    await act('admin', 'approve', id, 'staffA', 'awaiting_confirmation');
    await act('staffA', 'confirm', id, 'staffA', 'confirmed');
    const detail = await as('staffA').call('GET', `/api/v1/bookings/${id}`);
    expect(detail.json.booking).toMatchObject({ checkedInAt: null, checkedOutAt: null, notCheckedOut: false, checkOut: null, inspection: null });
    const checklist = detail.json.checklist as { key: string; label: { zh: string; en: string } }[];
    expect(checklist.map((item) => item.label.zh)).toEqual(['关闭投影仪和屏幕', '擦净白板', '桌椅归位、垃圾清理']);
    const before = await snapshot(id);

    // Expected status and code per caller (the applicant and admin may check in and out;
    // only admin inspects; a booking one may not see is 404).
    const want: Record<(typeof VISIT)[number], Record<Who, [number, string]>> = {
      'check-in': {
        anonymous: [401, 'unauthenticated'],
        staffA: [409, 'check_in_not_open'],
        staffB: [404, 'not_found'],
        service: [404, 'not_found'],
        admin: [409, 'check_in_not_open'],
      },
      'check-out': {
        anonymous: [401, 'unauthenticated'],
        staffA: [409, 'not_checked_in'],
        staffB: [404, 'not_found'],
        service: [404, 'not_found'],
        admin: [409, 'not_checked_in'],
      },
      inspect: {
        anonymous: [401, 'unauthenticated'],
        staffA: [403, 'forbidden'],
        staffB: [403, 'forbidden'],
        service: [403, 'forbidden'],
        admin: [409, 'invalid_transition'],
      },
    };
    for (const action of VISIT) {
      for (const who of EVERYONE) {
        const res = await as(who).call('POST', `/api/v1/bookings/${id}/${action}`, body(action, checklist));
        expect({ who, action, status: res.status, code: res.json?.error?.code }).toEqual({
          who,
          action,
          status: want[action][who][0],
          code: want[action][who][1],
        });
      }
    }
    const early = await as('staffA').call('POST', `/api/v1/bookings/${id}/check-in`, {}, { headers: { 'accept-language': 'en' } });
    expect(early.json.error.params.opensAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await snapshot(id)).toEqual(before);
  });

  it("customer service on a customer's booking passes the authorization (then 409 by status); staff get 404; a bad checklist is 422", async () => {
    const checkIn = await as('service').call('POST', `/api/v1/bookings/${customerBookingId}/check-in`, {});
    // The demo request is still pending: allowed to try, refused by the status.
    expect({ status: checkIn.status, code: checkIn.json.error.code }).toEqual({ status: 409, code: 'invalid_transition' });
    for (const who of ['staffA', 'staffB'] as const) {
      expect((await as(who).call('POST', `/api/v1/bookings/${customerBookingId}/check-in`, {})).status).toBe(404);
    }
    const { id } = await book('staffB');
    const bad = await as('staffB').call('POST', `/api/v1/bookings/${id}/check-out`, { checklist: [{ key: 'x', done: false }], condition: 'issue' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toHaveProperty(['checklist.0.note']);
  });

  it('GET /api/v1/resources shows whether check-in is required and the checklist', async () => {
    const res = await as('staffA').call('GET', '/api/v1/resources');
    const byCode = new Map(res.json.resources.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get('MR-301')).toMatchObject({ requiresCheckIn: true, checklist: expect.arrayContaining([expect.objectContaining({ key: 'whiteboard_wiped' })]) });
    expect(byCode.get('EQ-02')).toMatchObject({ requiresCheckIn: false, checklist: expect.arrayContaining([expect.objectContaining({ key: 'equipment_returned' })]) });
  });
});

describe('GET /api/v1/openapi.json', () => {
  it('valid JSON, OpenAPI 3.1, every route listed, every reference resolves', async () => {
    const res = await as('anonymous').call('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        'GET /api/v1/resources',
        'GET /api/v1/resources/{id}/calendar.ics',
        'GET /api/v1/calendar',
        'GET /api/v1/bookings',
        'POST /api/v1/bookings',
        'GET /api/v1/bookings/export.csv',
        'GET /api/v1/bookings/export.xlsx',
        'GET /api/v1/bookings/{id}',
        ...['approve', 'reject', 'request-info', 'supplement', 'confirm', 'decline', 'cancel', 'check-in', 'check-out', 'inspect'].map(
          (action) => `POST /api/v1/bookings/{id}/${action}`,
        ),
        ...['request-change', 'approve-change', 'reject-change', 'withdraw-change', 'move'].map(
          (action) => `POST /api/v1/bookings/{id}/${action}`,
        ),
        'POST /api/v1/resources/{id}/incidents',
        'POST /api/v1/incidents/{id}/resolve',
        'POST /api/v1/feedback',
        'GET /api/v1/rectifications',
        'POST /api/v1/rectifications',
        'GET /api/v1/rectifications/{id}',
        'PATCH /api/v1/rectifications/{id}',
        'GET /api/v1/waitlist',
        'POST /api/v1/waitlist',
        'DELETE /api/v1/waitlist/{id}',
        'GET /api/v1/public/resources',
        'GET /api/v1/public/availability',
        'POST /api/v1/public/booking-requests',
        'POST /api/v1/public/surveys/{token}',
        'GET /api/v1/openapi.json',
        'GET /api/v1/tokens',
        'POST /api/v1/tokens',
        'DELETE /api/v1/tokens/{id}',
        'GET /api/v1/feeds',
        'POST /api/v1/feeds/regenerate',
        'GET /api/v1/feeds/{token}.ics',
        'GET /api/v1/admin/notification-channels',
        'POST /api/v1/admin/notification-channels',
        'PATCH /api/v1/admin/notification-channels/{id}',
        'POST /api/v1/admin/notification-channels/{id}/test',
        'POST /api/v1/booking-series/preview',
        'POST /api/v1/booking-series',
        'GET /api/v1/booking-series/{id}',
        ...['approve', 'reject', 'confirm', 'cancel'].map((action) => `POST /api/v1/booking-series/{id}/${action}`),
        'POST /api/v1/resources',
        'PATCH /api/v1/resources/{id}',
        'POST /api/v1/resources/{id}/retire',
        'POST /api/v1/resources/{id}/maintenance',
        'POST /api/v1/users',
        'PATCH /api/v1/users/{id}',
        'GET /api/v1/audit',
        'GET /api/v1/resources/{id}/ledger',
        'GET /api/v1/reports/utilisation',
        'GET /api/v1/reports/export.xlsx',
      ].sort(),
    );
    const refs = [...res.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();

    const create = doc.components.schemas.CreateBookingRequest;
    expect(create.required.sort()).toEqual(['endAt', 'purpose', 'resourceId', 'startAt']);
    expect(create.properties.startAt).toMatchObject({ type: 'string', format: 'date-time' });
    expect(doc.components.schemas.Error.properties.error.properties.alternatives).toBeDefined();
    const publicPost = doc.paths['/api/v1/public/booking-requests'].post;
    expect(Object.keys(publicPost.responses)).toEqual(expect.arrayContaining(['201', '409', '422', '429']));
    expect(publicPost.security).toEqual([]);
  });
});
