/**
 * What the public may read: free/busy as bare intervals (no name, phone, e-mail, company,
 * department or purpose — not even in the serialized JSON), at most 31 days per call, only for
 * customer-bookable resources; and the resource list without internal fields.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { blackouts, bookings, departments } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { listPublicResources, publicAvailability } from '@/lib/customer/public';
import { V } from '@/lib/customer/schemas';
import { at, expectDomainError, loadActors, resourceByCode, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;
let showroomId: string;

/** Strings that would identify who booked, or why. */
const SECRETS = {
  customerName: '欧阳秘密',
  customerPhone: '139 8765 4321',
  customerEmail: 'ouyang.secret@customer.example.com',
  company: '绝密装饰集团有限公司',
  customerPurpose: '机密的客户参观',
  staffPurpose: '内部秘密评审会',
  blackoutReason: '保密的设备检修',
};

beforeAll(async () => {
  actors = await loadActors(db());
  const showroom = await resourceByCode(db(), 'SR-101');
  showroomId = showroom.id;
  const base = {
    resourceId: showroom.id,
    status: 'confirmed' as const,
    locale: 'zh' as const,
  };
  await db()
    .insert(bookings)
    .values([
      {
        ...base,
        reference: 'PUB-T-0001',
        requesterKind: 'customer',
        channel: 'public',
        contactName: SECRETS.customerName,
        contactPhone: SECRETS.customerPhone,
        contactEmail: SECRETS.customerEmail,
        company: SECRETS.company,
        purpose: SECRETS.customerPurpose,
        specialNeeds: '轮椅通道',
        startAt: at('2030-03-12', '10:00'),
        endAt: at('2030-03-12', '11:00'),
      },
      {
        ...base,
        reference: 'PUB-T-0002',
        requesterKind: 'staff',
        requesterUserId: actors.staff.id,
        channel: 'portal',
        contactName: actors.staff.name,
        contactPhone: '138 0013 8000',
        contactEmail: actors.staff.email,
        departmentId: actors.staff.departmentId,
        purpose: SECRETS.staffPurpose,
        startAt: at('2030-03-12', '14:00'),
        endAt: at('2030-03-12', '15:00'),
      },
    ]);
  await db()
    .insert(blackouts)
    .values({
      resourceId: showroom.id,
      startAt: at('2030-03-12', '15:30'),
      endAt: at('2030-03-12', '17:30'),
      reason: SECRETS.blackoutReason,
    });
});

describe('publicAvailability', () => {
  it('answers busy intervals only: merged, with buffers, and nothing about who or why', async () => {
    const answer = await publicAvailability(db(), {
      resourceId: showroomId,
      from: at('2030-03-12', '00:00').toISOString(),
      to: at('2030-03-13', '00:00').toISOString(),
    });
    // 30-minute set-up and clean-up buffers; the staff booking's clean-up touches the blackout.
    expect(answer.busy).toEqual([
      { startAt: at('2030-03-12', '09:30').toISOString(), endAt: at('2030-03-12', '11:30').toISOString() },
      { startAt: at('2030-03-12', '13:30').toISOString(), endAt: at('2030-03-12', '17:30').toISOString() },
    ]);

    const json = JSON.stringify(answer);
    const [department] = await db().select().from(departments).where(eq(departments.id, actors.staff.departmentId!));
    const forbidden = [
      ...Object.values(SECRETS),
      SECRETS.customerPhone.replace(/\s/g, ''),
      actors.staff.name,
      actors.staff.email,
      department.nameZh,
      department.nameEn,
      department.id,
      actors.staff.id,
      '轮椅通道',
      'PUB-T-',
    ];
    for (const secret of forbidden) expect(json).not.toContain(secret);
    expect(Object.keys(answer).sort()).toEqual(['busy', 'from', 'maintenance', 'resourceId', 'to']);
    // A blackout that is no maintenance period is only busy time.
    expect(answer.maintenance).toEqual([]);
    for (const interval of answer.busy) expect(Object.keys(interval).sort()).toEqual(['endAt', 'startAt']);
  });

  it('covers at most 31 days per call', async () => {
    const from = at('2030-03-01', '00:00');
    const days = (n: number) => new Date(from.getTime() + n * 86_400_000).toISOString();
    await expect(
      publicAvailability(db(), { resourceId: showroomId, from: from.toISOString(), to: days(31) }),
    ).resolves.toMatchObject({ resourceId: showroomId });
    const error = await expectDomainError(
      publicAvailability(db(), {
        resourceId: showroomId,
        from: from.toISOString(),
        to: new Date(from.getTime() + 31 * 86_400_000 + 60_000).toISOString(),
      }),
      'invalid_input',
    );
    expect(error.details.fields).toEqual({ to: [V.range_too_long] });
  });

  it('refuses bad input and resources customers may not book, with field messages', async () => {
    const from = at('2030-03-12', '00:00').toISOString();
    const to = at('2030-03-13', '00:00').toISOString();
    const internal = await resourceByCode(db(), 'MR-302');
    expect(
      (await expectDomainError(publicAvailability(db(), { resourceId: internal.id, from, to }), 'invalid_input'))
        .details.fields,
    ).toEqual({ resourceId: [V.resource_not_bookable] });
    expect(
      (await expectDomainError(publicAvailability(db(), { resourceId: 'x', from: 'soon', to }), 'invalid_input'))
        .details.fields,
    ).toEqual({ resourceId: [V.invalid_id], from: [V.invalid_date] });
    expect(
      (
        await expectDomainError(
          publicAvailability(db(), { resourceId: showroomId, from: to, to: from }),
          'invalid_input',
        )
      ).details.fields,
    ).toEqual({ to: [V.end_before_start] });
  });
});

describe('listPublicResources', () => {
  it('lists customer-bookable resources in service, without internal fields', async () => {
    const list = await listPublicResources(db());
    expect(list.map((r) => r.code).sort()).toEqual(['MR-301', 'MR-501', 'SR-101', 'SW-B1']);
    const json = JSON.stringify(list);
    for (const internal of ['responsible', '王行政', '李客服', 'assetNumber', 'ZC-', 'model', 'state']) {
      expect(json).not.toContain(internal);
    }
    expect(list.find((r) => r.code === 'SR-101')).toMatchObject({ opensAt: '09:00', closesAt: '17:30', capacity: 40 });
  });
});
