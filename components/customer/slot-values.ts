/**
 * The slot part of the customer request forms: a day, a start time (wall clock in the
 * organisation's zone) and a duration, turned into the instants the schemas take. Pure, for
 * the browser.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { clockOf, instantOf, toWallClock } from '@/lib/staff-booking/wall-clock';

const MINUTE = 60_000;
const STEP_MINUTES = 30;

export interface SlotFormValues {
  resourceId: string;
  date: string;
  startTime: string;
  /** Minutes, as the select gives it. */
  duration: string;
}

/**
 * Puts a slot (a pick in the calendar, an alternative) into the form's four slot fields; the
 * form's `setValue` does the writing.
 */
export function setSlotFields(
  setValue: (field: keyof SlotFormValues, value: string, options: { shouldDirty: boolean; shouldValidate: boolean }) => void,
  slot: SlotFormValues,
  options: { shouldDirty: boolean; shouldValidate: boolean },
): void {
  for (const field of ['resourceId', 'date', 'startTime', 'duration'] as const) setValue(field, slot[field], options);
}

/** ISO instants of the chosen slot; '' for a part not chosen yet (the schema says "required"). */
export function slotInstants(values: SlotFormValues, timeZone: string): { startAt: string; endAt: string } {
  const start = values.date && values.startTime ? instantOf(values.date, values.startTime, timeZone) : null;
  const minutes = Number(values.duration);
  if (!start) return { startAt: '', endAt: '' };
  return {
    startAt: start.toISOString(),
    endAt: minutes > 0 ? new Date(start.getTime() + minutes * MINUTE).toISOString() : '',
  };
}

/** The wall-clock end of a chosen slot, for drawing it. */
export function endClock(startTime: string, duration: string): string | null {
  const minutes = Number(duration);
  if (!/^\d{2}:\d{2}$/.test(startTime) || !(minutes > 0)) return null;
  const end = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) + minutes;
  return end <= 24 * 60 ? clockOf(end) : null;
}

/** An alternative offered by the server, as the form's values. */
export function slotOfAlternative(
  alternative: { resourceId: string; startAt: string; endAt: string },
  timeZone: string,
): SlotFormValues {
  const start = new Date(alternative.startAt);
  const [date, startTime] = toWallClock(start, timeZone).split('T');
  const minutes = Math.round((Date.parse(alternative.endAt) - start.getTime()) / MINUTE);
  return { resourceId: alternative.resourceId, date, startTime, duration: String(minutes) };
}

/**
 * The durations offered: half-hour steps up to the resource's maximum and, once a start is
 * chosen, up to closing time. A duration carried over from an alternative stays selectable.
 */
export function durationOptions(
  resource: { maxDurationMinutes: number; closesAt: string } | null,
  startTime: string,
  current: string,
): number[] {
  const max = resource?.maxDurationMinutes ?? 240;
  const closes = resource ? Number(resource.closesAt.slice(0, 2)) * 60 + Number(resource.closesAt.slice(3, 5)) : 24 * 60;
  const start = /^\d{2}:\d{2}$/.test(startTime) ? Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5)) : null;
  const limit = start === null ? max : Math.min(max, closes - start);
  const options: number[] = [];
  for (let m = STEP_MINUTES; m <= limit; m += STEP_MINUTES) options.push(m);
  const kept = Number(current);
  if (kept > 0 && !options.includes(kept)) options.push(kept);
  return options.sort((a, b) => a - b);
}

/** The form field that shows a schema or server error about the slot. */
export function slotFieldFor(key: string): keyof SlotFormValues | null {
  if (key === 'startAt') return 'startTime';
  if (key === 'endAt') return 'duration';
  if (key === 'resourceId') return 'resourceId';
  return null;
}

/**
 * react-hook-form validation with the server's own schema: the form's values are turned into
 * the request first, and the schema's errors (by request field) are put on the form's fields.
 */
export function requestResolver<Values extends FieldValues, Schema extends z.ZodType>(
  schema: Schema,
  toRequest: (values: Values) => unknown,
  fieldFor: (key: string) => keyof Values | null,
): Resolver<Values, unknown, z.output<Schema>> {
  // zodResolver's typing wants the schema's input to be the form's values; here they differ on purpose.
  const resolve = zodResolver(schema as never) as unknown as (
    values: unknown,
    context: unknown,
    options: unknown,
  ) => Promise<{ values: unknown; errors: Record<string, { type?: string; message?: string }> }>;
  return async (values, context, options) => {
    const result = await resolve(toRequest(values), context, { ...options, names: undefined });
    if (Object.keys(result.errors).length === 0) return { values: result.values as z.output<Schema>, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const [key, error] of Object.entries(result.errors)) {
      const field = fieldFor(key);
      if (field && !errors[field as string]) {
        errors[field as string] = {
          type: error.type ?? 'validate',
          message: error.message,
          ref: (options.fields as Record<string, { ref?: unknown } | undefined>)[field as string]?.ref,
        };
      }
    }
    return { values: {}, errors: errors as FieldErrors<Values> };
  };
}
