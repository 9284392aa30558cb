/**
 * BK numbers have no gaps (issue 10 defect 3): a request refused for a taken or blocked slot — from the
 * portal, the public page or the service desk, one at a time or racing on real PostgreSQL —
 * consumes no reference, so the accepted requests around it carry consecutive numbers.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { createPublicRequest } from '@/lib/customer/create-public';
import { fileCustomerRequest } from '@/lib/customer/service-desk';
import { isDomainError } from '@/lib/errors';
import { NOW, expectDomainError, resourceByCode, slot, useBookingTestDb } from '../helpers/booking-fixtures';

const { db, handle, actors } = useBookingTestDb();

const number = (reference: string) => Number(reference.slice(-6));

let clientIp = 0;
const customer = (resourceId: string, when: { startAt: Date; endAt: Date }) => ({
  resourceId,
  startAt: when.startAt.toISOString(),
  endAt: when.endAt.toISOString(),
  name: '周先生',
  phone: '138 1111 2222',
  email: `zhou${++clientIp}@customer.example.com`,
  company: '无锡新材料有限公司',
  visitors: 3,
});

describe('BK references on PostgreSQL', () => {
  let client: postgres.Sql;
  let wide: Db;
  beforeAll(() => {
    client = postgres(handle().url!, { max: 8, onnotice: () => {} });
    wide = drizzle({ client, schema }) as unknown as Db;
  });
  afterAll(() => client.end({ timeout: 5 }));

  it('refused requests between accepted ones leave consecutive references, on every channel', async () => {
    const room = await resourceByCode(db(), 'MR-302');
    const showroom = await resourceByCode(db(), 'SR-101');
    const staffRequest = (when: { startAt: Date; endAt: Date }) =>
      createStaffRequest(db(), actors.staff, { resourceId: room.id, ...when, purpose: '编号测试', phone: '138 0013 8000' }, { now: NOW });

    const first = await staffRequest(slot('2030-03-19', '09:00', '10:00'));
    await expectDomainError(staffRequest(slot('2030-03-19', '09:30', '10:30')), 'slot_taken');
    const visit = await createPublicRequest(db(), customer(showroom.id, slot('2030-03-19', '10:00', '11:00')), { ip: '198.51.100.1', now: NOW });
    await expectDomainError(
      createPublicRequest(db(), customer(showroom.id, slot('2030-03-19', '10:30', '11:30')), { ip: '198.51.100.2', now: NOW }),
      'slot_taken',
    );
    await expectDomainError(
      fileCustomerRequest(db(), actors.service, { ...customer(showroom.id, slot('2030-03-19', '10:00', '11:00')), channel: 'phone' }, { now: NOW }),
      'slot_taken',
    );
    // Nor one refused by a blackout the database finds (the page's own check never saw it).
    await db().insert(schema.blackouts).values({ resourceId: room.id, ...slot('2030-03-19', '16:00', '17:00'), reason: '检修' });
    await expectDomainError(staffRequest(slot('2030-03-19', '16:00', '17:00')), 'slot_taken');
    // A request refused by a rule (here: in the past) never reached the insert either.
    await expectDomainError(staffRequest(slot('2030-03-01', '09:00', '10:00')), 'lead_time');
    const last = await staffRequest(slot('2030-03-19', '14:00', '15:00'));

    expect([number(first.reference), number(visit.reference), number(last.reference)]).toEqual([
      number(first.reference),
      number(first.reference) + 1,
      number(first.reference) + 2,
    ]);
  });

  it('8 writers racing for 8 slots, two each: the 8 winners hold 8 consecutive numbers', async () => {
    const room = await resourceByCode(db(), 'MR-601');
    const people = [actors.staff, actors.staff2, actors.service, actors.admin];
    const attempts = Array.from({ length: 16 }, (_, i) => {
      const hour = 9 + Math.floor(i / 2);
      return createStaffRequest(
        wide,
        people[i % people.length],
        { resourceId: room.id, ...slot('2030-03-20', `${hour}:00`, `${hour}:30`), purpose: `并发编号 ${i}`, phone: '021-5888 0000' },
        { now: NOW },
      );
    });
    const results = await Promise.allSettled(attempts);
    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(8);
    expect(lost.map((e) => (isDomainError(e) ? e.code : e))).toEqual(Array(8).fill('slot_taken'));
    const numbers = won.map((b) => number(b.reference)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => numbers[0] + i));
  });
});
