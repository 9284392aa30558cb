/**
 * The requested slot of a change request is decided like any new hold, on real PostgreSQL with
 * many connections (PGlite runs one query at a time and cannot race): 50 change requests and new
 * requests for the same new slot at once — exactly one holds it, the others get alternatives.
 */
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db';
import * as schema from '@/db/schema';
import { changeRequests, slotHolds } from '@/db/schema';
import { createStaffRequest } from '@/lib/booking/create';
import { requestChange } from '@/lib/booking/request-change';
import type { UserActor } from '@/lib/authz';
import { isDomainError } from '@/lib/errors';
import { useTestDb } from '../helpers/db';
import { NOW, loadActors, resourceByCode, seedBooking, slot, type Who } from '../helpers/booking-fixtures';
import { RACE_CONNECTIONS } from '../helpers/side-clients';

const { db, handle } = useTestDb();

describe('change requests racing new requests on PostgreSQL', () => {
  let client: postgres.Sql;
  let wide: Db;
  let actors: Record<Who, UserActor>;

  beforeAll(async () => {
    client = postgres(handle().url!, { max: RACE_CONNECTIONS, onnotice: () => {} });
    wide = drizzle({ client, schema }) as unknown as Db;
    actors = await loadActors(db());
  });

  afterAll(async () => {
    await client.end({ timeout: 5 });
  });

  it('50 at once for one new slot: exactly one holder', async () => {
    const resource = await resourceByCode(db(), 'MR-601');
    // 25 bookings that ask to move (each its own half-hour on another day), 25 new requests.
    const owners = await Promise.all(
      Array.from({ length: 25 }, (_, i) => {
        const day = `2030-03-${String(18 + Math.floor(i / 8)).padStart(2, '0')}`;
        const hour = 9 + (i % 8);
        return seedBooking(db(), { resourceId: resource.id, ...slot(day, `${hour}:00`, `${hour}:30`), status: 'confirmed', requester: i % 2 ? actors.staff : actors.staff2 });
      }),
    );
    const attempts = Array.from({ length: 50 }, (_, i) => {
      // Overlapping one-hour slots on Tuesday 26 March, 09:00–10:00 in 5-minute steps.
      const minute = String((i % 12) * 5).padStart(2, '0');
      const wanted = slot('2030-03-26', `09:${minute}`, `10:${minute}`);
      if (i % 2 === 0) {
        const owner = owners[i / 2];
        const actor = owner.requesterUserId === actors.staff.id ? actors.staff : actors.staff2;
        return requestChange(wide, actor, { bookingId: owner.id, ...wanted, reason: `改期 ${i}` }, { now: NOW });
      }
      return createStaffRequest(wide, actors[i % 4 === 1 ? 'service' : 'admin'], { resourceId: resource.id, ...wanted, purpose: `抢占 ${i}`, phone: '021-5888 0000' }, { now: NOW });
    });
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(isDomainError(r.reason) && r.reason.code).toBe('slot_taken');
      expect(r.reason.details.alternatives.length).toBeGreaterThan(0);
    }
    const day = slot('2030-03-26', '00:00', '23:59');
    const holders = (await db().select().from(slotHolds).where(eq(slotHolds.resourceId, resource.id))).filter(
      (h) => h.startAt >= day.startAt && h.startAt < day.endAt,
    );
    expect(holders).toHaveLength(1);
    const pending = await db().select().from(changeRequests).where(and(eq(changeRequests.status, 'pending')));
    expect(pending.length).toBe(holders[0].source === 'change_request' ? 1 : 0);
  });
});
