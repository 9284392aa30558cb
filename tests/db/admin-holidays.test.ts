import { and, eq, gte } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, holidays } from '@/db/schema';
import { addHoliday, H, importHolidays, listHolidays, listHolidayYears, removeHoliday, updateHoliday } from '@/lib/admin/holidays';
import type { UserActor } from '@/lib/authz';
import { isWorkingDay } from '@/lib/calendar/working-days';
import { getHolidayCalendar } from '@/lib/settings';
import { useTestDb } from '../helpers/db';
import { expectDomainError, loadActors, type Who } from '../helpers/booking-fixtures';

const { db } = useTestDb();
let actors: Record<Who, UserActor>;

beforeAll(async () => {
  actors = await loadActors(db());
});

/** Every row of the years the tests write (the seed only has 2026). */
const laterRows = () => db().select().from(holidays).where(gte(holidays.date, '2030-01-01')).orderBy(holidays.date);

const CSV_2031 = [
  'date,kind,name',
  '2031-01-01,holiday,元旦',
  // Saturday 4 January 2031 is a make-up working day (调休上班).
  '2031-01-04,makeup_workday,元旦调休',
  '2031-05-01,holiday,劳动节',
].join('\r\n');

const ICS_2032 = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//CN',
  'BEGIN:VEVENT',
  'UID:new-year-2032@test',
  'DTSTAMP:20310101T000000Z',
  'DTSTART;VALUE=DATE:20320101',
  'DTEND;VALUE=DATE:20320103',
  'SUMMARY:元旦',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:makeup-2032@test',
  'DTSTAMP:20310101T000000Z',
  // Sunday 4 January 2032.
  'DTSTART;VALUE=DATE:20320104',
  'DTEND;VALUE=DATE:20320105',
  'SUMMARY:元旦（班）',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('holiday calendar: who may change it', () => {
  it.each(['staff', 'service'] as const)('%s is refused and nothing changes', async (who) => {
    const before = await laterRows();
    const actor = actors[who];
    const day = { date: '2030-10-01', kind: 'holiday', name: '国庆节' };
    await expectDomainError(addHoliday(db(), actor, day), 'forbidden');
    await expectDomainError(updateHoliday(db(), actor, day), 'forbidden');
    await expectDomainError(removeHoliday(db(), actor, { date: '2026-10-01' }), 'forbidden');
    await expectDomainError(importHolidays(db(), actor, { text: CSV_2031 }), 'forbidden');
    await expectDomainError(listHolidays(db(), actor, 2026), 'forbidden');
    await expectDomainError(listHolidayYears(db(), actor), 'forbidden');
    expect(await laterRows()).toEqual(before);
    expect((await listHolidays(db(), actors.admin, 2026)).some((h) => h.date === '2026-10-01')).toBe(true);
  });
});

describe('holiday calendar: admin', () => {
  it('adds, edits and removes a day; the working-day rules see each change', async () => {
    // Monday 7 October 2030.
    expect(isWorkingDay('2030-10-07', await getHolidayCalendar(db()))).toBe(true);
    await addHoliday(db(), actors.admin, { date: '2030-10-07', kind: 'holiday', name: '国庆节' });
    expect(isWorkingDay('2030-10-07', await getHolidayCalendar(db()))).toBe(false);
    await expectDomainError(addHoliday(db(), actors.admin, { date: '2030-10-07', kind: 'holiday', name: '重复' }), 'invalid_input');

    const edited = await updateHoliday(db(), actors.admin, { date: '2030-10-07', kind: 'makeup_workday', name: '国庆节调休' });
    expect(edited).toEqual({ date: '2030-10-07', kind: 'makeup_workday', name: '国庆节调休' });
    expect(await listHolidays(db(), actors.admin, 2030)).toEqual([edited]);

    await removeHoliday(db(), actors.admin, { date: '2030-10-07' });
    expect(await listHolidays(db(), actors.admin, 2030)).toEqual([]);
    await expectDomainError(removeHoliday(db(), actors.admin, { date: '2030-10-07' }), 'not_found');
    await expectDomainError(updateHoliday(db(), actors.admin, { date: '2030-10-07', kind: 'holiday', name: 'x' }), 'not_found');

    // Each change is in the audit log under the day, old → new; the refused ones are not.
    const entries = await db().select().from(auditLog).where(and(eq(auditLog.entity, 'holiday'), eq(auditLog.entityId, '2030-10-07'))).orderBy(auditLog.at);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ['create', null, { kind: 'holiday', name: '国庆节' }],
      ['update', { kind: 'holiday', name: '国庆节' }, { kind: 'makeup_workday', name: '国庆节调休' }],
      ['remove', { kind: 'makeup_workday', name: '国庆节调休' }, null],
    ]);
    expect(entries.every((e) => e.actorUserId === actors.admin.id)).toBe(true);
  });

  it('refuses bad values with field errors', async () => {
    const error = await expectDomainError(addHoliday(db(), actors.admin, { date: '2030-02-30', kind: 'day_off', name: '' }), 'invalid_input');
    expect(error.details.fields).toEqual({ date: [H.invalid_date], kind: [H.invalid_choice], name: [H.required] });
    await expectDomainError(listHolidays(db(), actors.admin, 1800), 'invalid_input');
  });

  it('imports a CSV; a make-up working day on a Saturday becomes a working day', async () => {
    const calendarBefore = await getHolidayCalendar(db());
    expect(isWorkingDay('2031-01-04', calendarBefore)).toBe(false);
    const result = await importHolidays(db(), actors.admin, { text: CSV_2031 });
    expect(result).toEqual({ inserted: 3, updated: 0, unchanged: 0, removed: 0, years: [2031] });
    const calendar = await getHolidayCalendar(db());
    expect(isWorkingDay('2031-01-04', calendar)).toBe(true);
    expect(isWorkingDay('2031-01-01', calendar)).toBe(false);
    expect(await listHolidays(db(), actors.admin, 2031)).toEqual([
      { date: '2031-01-01', kind: 'holiday', name: '元旦' },
      { date: '2031-01-04', kind: 'makeup_workday', name: '元旦调休' },
      { date: '2031-05-01', kind: 'holiday', name: '劳动节' },
    ]);
    expect(await listHolidayYears(db(), actors.admin)).toEqual(expect.arrayContaining([2031, 2026]));
  });

  it('a second import updates what changed, and with replace removes what the file no longer lists', async () => {
    const corrected = ['2031-01-01,holiday,元旦', '2031-01-04,makeup_workday,元旦补班'].join('\n');
    expect(await importHolidays(db(), actors.admin, { text: corrected })).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 1,
      removed: 0,
      years: [2031],
    });
    expect(await importHolidays(db(), actors.admin, { text: corrected, replace: true })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      removed: 1,
      years: [2031],
    });
    expect((await listHolidays(db(), actors.admin, 2031)).map((h) => h.date)).toEqual(['2031-01-01', '2031-01-04']);
    // Other years are untouched by a replace.
    expect((await listHolidays(db(), actors.admin, 2026)).length).toBeGreaterThan(30);
  });

  it('imports an .ics calendar with a make-up working day', async () => {
    const result = await importHolidays(db(), actors.admin, { text: ICS_2032 });
    expect(result).toMatchObject({ inserted: 3, years: [2032] });
    expect(await listHolidays(db(), actors.admin, 2032)).toEqual([
      { date: '2032-01-01', kind: 'holiday', name: '元旦' },
      { date: '2032-01-02', kind: 'holiday', name: '元旦' },
      { date: '2032-01-04', kind: 'makeup_workday', name: '元旦' },
    ]);
    const calendar = await getHolidayCalendar(db());
    expect(isWorkingDay('2032-01-04', calendar)).toBe(true);
    expect(isWorkingDay('2032-01-02', calendar)).toBe(false);
  });

  it('a bad CSV line names its number and imports nothing', async () => {
    const before = await laterRows();
    const text = ['date,kind,name', '2033-01-01,holiday,元旦', '2033-13-01,holiday,不存在的日子', '2033-05-01,holiday,劳动节'].join('\n');
    const error = await expectDomainError(importHolidays(db(), actors.admin, { text }), 'invalid_input');
    expect(error.details.fields).toEqual({ file: [H.bad_line] });
    expect(error.details.params).toEqual({ line: 3, content: '2033-13-01,holiday,不存在的日子' });
    expect(await laterRows()).toEqual(before);

    const wrongKind = await expectDomainError(
      importHolidays(db(), actors.admin, { text: '2033-01-01,holiday,元旦\n2033-01-02,vacation,元旦' }),
      'invalid_input',
    );
    expect(wrongKind.details.params).toMatchObject({ line: 2 });
    await expectDomainError(importHolidays(db(), actors.admin, { text: 'BEGIN:VCALENDAR\nnonsense' }), 'invalid_input');
    await expectDomainError(importHolidays(db(), actors.admin, { text: '  \n' }), 'invalid_input');
    expect(await laterRows()).toEqual(before);
  });
});
