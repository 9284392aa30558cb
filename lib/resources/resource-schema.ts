/**
 * What admin types into the resource editor, checked the same way for the form and any other
 * caller. Texts the product shows in both languages come in pairs (`nameZh`/`nameEn`, …);
 * facilities and the return checklist are one item a line, "中文 | English".
 *
 * Field messages are paths of the `resourceAdmin.errors` messages; a number's bounds are its
 * message values (RESOURCE_BOUNDS, passed as `fieldParams`).
 */
import { z } from 'zod';
import type { ChecklistItem } from '@/db/schema';

const ERROR_KEYS = ['required', 'too_long', 'number', 'range', 'time', 'hours_order', 'code', 'exists', 'choice', 'line'] as const;

/** The message path of an error key: `R.exists` is 'resourceAdmin.errors.exists'. */
export const R = Object.fromEntries(ERROR_KEYS.map((key) => [key, `resourceAdmin.errors.${key}`])) as {
  [K in (typeof ERROR_KEYS)[number]]: `resourceAdmin.errors.${K}`;
};

/** Sane bounds: a room for a thousand, a day-long booking, buffers of up to four hours. */
export const RESOURCE_BOUNDS = {
  capacity: { min: 1, max: 1000 },
  setupBufferMinutes: { min: 0, max: 240 },
  cleanupBufferMinutes: { min: 0, max: 240 },
  maxDurationMinutes: { min: 15, max: 1440 },
  sortOrder: { min: 0, max: 1000 },
} as const;

const MAX_ITEMS = 30;

const text = (max: number) => z.string({ error: R.required }).trim().max(max, R.too_long);
const requiredText = (max: number) => text(max).min(1, R.required);
/** A plain form sends '' for an empty box: that is a missing number, not 0. */
const whole = ({ min, max }: { min: number; max: number }) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce.number({ error: R.number }).int(R.number).min(min, R.range).max(max, R.range),
  );
/** A checkbox of a plain form ('on' or absent) or a JSON boolean. */
const flag = () => z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());
/** Wall-clock "HH:MM" (a time input; seconds, as the database returns them, are dropped). */
const clock = () =>
  z
    .string({ error: R.time })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, R.time)
    .transform((value) => value.slice(0, 5));

export const resourceCode = () =>
  z
    .string({ error: R.required })
    .trim()
    .min(1, R.required)
    .max(32, R.too_long)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, R.code)
    .transform((code) => code.toUpperCase());

/** One "中文 | English" line → its two halves; the English may be left out. */
function pair(line: string): { zh: string; en: string } {
  const [zh, ...rest] = line.split('|');
  return { zh: zh.trim(), en: rest.join('|').trim() };
}

/** A textarea of "中文 | English" lines (blank lines ignored), or an array of such pairs from JSON. */
const pairLines = () =>
  z
    .preprocess(
      (value) =>
        typeof value === 'string'
          ? value
              .split(/\r?\n/)
              .map((line) => line.trim())
              .filter(Boolean)
              .map(pair)
          : (value ?? []),
      z.array(z.object({ zh: requiredText(100), en: text(100) }), { error: R.line }).max(MAX_ITEMS, R.too_long),
    );

export const resourceSchema = z
  .object({
    code: resourceCode(),
    nameZh: requiredText(100),
    nameEn: requiredText(100),
    typeId: z.uuid({ error: R.choice }),
    location: requiredText(200),
    locationEn: text(200).default(''),
    capacity: whole(RESOURCE_BOUNDS.capacity),
    opensAt: clock(),
    closesAt: clock(),
    workingDaysOnly: flag(),
    setupBufferMinutes: whole(RESOURCE_BOUNDS.setupBufferMinutes),
    cleanupBufferMinutes: whole(RESOURCE_BOUNDS.cleanupBufferMinutes),
    maxDurationMinutes: whole(RESOURCE_BOUNDS.maxDurationMinutes),
    customerBookable: flag(),
    requiresCheckIn: flag(),
    facilities: pairLines(),
    checklist: pairLines(),
    notesZh: text(2000).default(''),
    notesEn: text(2000).default(''),
    responsibleName: text(100).default(''),
    assetNumber: text(100).default(''),
    model: text(100).default(''),
  })
  .refine((r) => r.opensAt < r.closesAt, { path: ['closesAt'], message: R.hours_order });

export type ResourceInput = z.output<typeof resourceSchema>;

export const resourceTypeSchema = z.object({
  code: resourceCode(),
  nameZh: requiredText(100),
  nameEn: requiredText(100),
  sortOrder: whole(RESOURCE_BOUNDS.sortOrder),
});

/** Facilities and checklist lines back into the editor's text form. */
export const pairsToLines = (pairs: { zh: string; en: string }[]) =>
  pairs.map(({ zh, en }) => (en ? `${zh} | ${en}` : zh)).join('\n');

/**
 * The checklist as stored: an item keeps its key while its Chinese label stays the same (answers
 * given at earlier check-outs name it), a new item gets the next free key.
 */
export function checklistItems(lines: { zh: string; en: string }[], previous: ChecklistItem[] = []): ChecklistItem[] {
  const byLabel = new Map(previous.map((item) => [item.label.zh, item.key]));
  const taken = new Set<string>();
  let next = 1;
  return lines.map((label) => {
    let key = byLabel.get(label.zh);
    if (!key || taken.has(key)) {
      while (previous.some((item) => item.key === `item-${next}`) || taken.has(`item-${next}`)) next++;
      key = `item-${next}`;
    }
    taken.add(key);
    return { key, label };
  });
}
