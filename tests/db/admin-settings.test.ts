import { beforeAll, describe, expect, it } from 'vitest';
import { getPolicySettings, updateSettings, type PolicySettingsInput } from '@/lib/admin/settings';
import { S } from '@/lib/admin/settings-schema';
import type { UserActor } from '@/lib/authz';
import { checkSlot } from '@/lib/booking/availability';
import { createStaffRequest } from '@/lib/booking/create';
import { getSettings } from '@/lib/settings';
import { useTestDb } from '../helpers/db';
import { NOW, expectDomainError, loadActors, resourceByCode, slot, type Who } from '../helpers/booking-fixtures';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;

beforeAll(async () => {
  actors = await loadActors(db());
});

/** The product.md defaults, as the form sends them (text fields). */
const DEFAULTS: PolicySettingsInput = {
  staffLeadWorkingDays: '1',
  customerMinNoticeHours: '24',
  confirmWindowHours: '24',
  changeNoticeHours: '24',
  noShowGraceMinutes: '15',
  checkInOpensMinutes: '15',
  confirmationReminderHours: '6',
  visitReminderHours: '24',
  followUpSurveyHours: '2',
  bookingHorizonDays: '90',
  seriesHorizonDays: '400',
  customerMaxOpenRequests: '3',
  timeZone: 'Asia/Shanghai',
  defaultLocale: 'zh',
  serviceMailbox: 'service@example.com',
};

describe('policy settings', () => {
  it.each(['staff', 'service'] as const)('%s is refused and nothing changes', async (who) => {
    const before = await getSettings(db());
    await expectDomainError(updateSettings(db(), actors[who], { ...DEFAULTS, staffLeadWorkingDays: 5 }), 'forbidden');
    await expectDomainError(getPolicySettings(db(), actors[who]), 'forbidden');
    expect(await getSettings(db())).toEqual(before);
  });

  it('refuses values out of bounds with an error on each field, and writes nothing', async () => {
    const before = await getSettings(db());
    const error = await expectDomainError(
      updateSettings(db(), actors.admin, {
        ...DEFAULTS,
        staffLeadWorkingDays: '-1',
        confirmWindowHours: '0',
        noShowGraceMinutes: '1.5',
        bookingHorizonDays: '',
        customerMaxOpenRequests: 1000,
        timeZone: 'Mars/Olympus_Mons',
        defaultLocale: 'fr',
        serviceMailbox: 'service@example.com\r\nBcc: x@evil.example',
      }),
      'invalid_input',
    );
    expect(error.details.fields).toEqual({
      staffLeadWorkingDays: [S.out_of_range],
      confirmWindowHours: [S.out_of_range],
      noShowGraceMinutes: [S.not_integer],
      bookingHorizonDays: [S.required],
      customerMaxOpenRequests: [S.out_of_range],
      timeZone: [S.invalid_time_zone],
      defaultLocale: [S.invalid_choice],
      serviceMailbox: [S.invalid_email],
    });
    const reminder = await expectDomainError(
      updateSettings(db(), actors.admin, { ...DEFAULTS, confirmWindowHours: '4', confirmationReminderHours: '6' }),
      'invalid_input',
    );
    expect(reminder.details.fields).toEqual({ confirmationReminderHours: [S.reminder_after_window] });
    expect(await getSettings(db())).toEqual(before);
  });

  it('a valid update persists with who made it, and the booking rules follow it at once', async () => {
    const room = await resourceByCode(db(), 'MR-301');
    // NOW is Monday 4 March 2030; Wednesday 6 March is two working days ahead.
    const wednesday = { resourceId: room.id, ...slot('2030-03-06', '10:00', '11:00'), purpose: '周会', phone: '138 0013 8000' };
    await checkSlot(db(), { ...wednesday, requesterKind: 'staff' }, { now: NOW });

    const saved = await updateSettings(
      db(),
      actors.admin,
      { ...DEFAULTS, staffLeadWorkingDays: '3', timeZone: 'Asia/Shanghai', serviceMailbox: ' desk@example.com ' },
      { now: NOW },
    );
    expect(saved).toMatchObject({ staffLeadWorkingDays: 3, serviceMailbox: 'desk@example.com', updatedById: actors.admin.id });
    expect(saved.updatedAt.getTime()).toBe(NOW.getTime());
    const view = await getPolicySettings(db(), actors.admin);
    expect(view).toMatchObject({ updatedByName: actors.admin.name, settings: { staffLeadWorkingDays: 3 } });

    const refused = await expectDomainError(createStaffRequest(db(), actors.staff, wednesday, { now: NOW }), 'lead_time');
    expect(refused.details.params).toEqual({ earliest: '2030-03-07' });
    const thursday = { ...wednesday, ...slot('2030-03-07', '10:00', '11:00') };
    await expect(createStaffRequest(db(), actors.staff, thursday, { now: NOW })).resolves.toMatchObject({ status: 'pending' });
  });
});
