'use server';

/**
 * Admin types in a staff request that came on paper, by phone or by e-mail. The action only
 * reads the form, turns the date and clock times (the organisation's wall clock) into instants,
 * gets the actor and calls the booking domain, which checks that the actor is admin, the
 * schema and the slot rules. A refusal comes back localized with per-field keys and the typed
 * values; a slot that is taken comes with its alternatives as text.
 */
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { listResources } from '@/lib/booking/queries';
import { createStaffRequest } from '@/lib/booking/create';
import { actionFailure } from '@/lib/forms/action-result';
import { formatRange } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { currentLocale } from '@/lib/i18n/server';
import { getSettings } from '@/lib/settings';
import { instantOf } from '@/lib/staff-booking/wall-clock';

export type EntryState = {
  code?: string;
  error?: string;
  /** Message keys of the `validation` namespace, by form field. */
  fields?: Record<string, string[]>;
  /** Free slots offered when the one asked for is taken, ready to show. */
  alternatives?: string[];
  values: Record<string, string>;
} | null;

const FIELDS = [
  'onBehalfOfUserId',
  'channel',
  'resourceId',
  'date',
  'startTime',
  'endTime',
  'purpose',
  'attendees',
  'phone',
  'specialNeeds',
  'leadTimeOverrideReason',
] as const;

export async function createEntryAction(_prev: EntryState, form: FormData): Promise<EntryState> {
  const values: Record<string, string> = {};
  for (const name of FIELDS) {
    const value = form.get(name);
    values[name] = typeof value === 'string' ? value : '';
  }
  const holdsSlot = form.get('holdsSlot') === 'on';
  values.holdsSlot = holdsSlot ? 'on' : '';

  const db = await getDb();
  const { timeZone } = await getSettings(db);
  // A time that cannot be read goes on as an invalid value, so the domain names the field.
  const instant = (clock: string) =>
    values.date.trim() && clock.trim() ? (instantOf(values.date.trim(), clock.trim(), timeZone) ?? 'invalid') : '';

  let id: string;
  try {
    const booking = await createStaffRequest(db, await currentActor(), {
      onBehalfOfUserId: values.onBehalfOfUserId,
      channel: values.channel,
      holdsSlot,
      leadTimeOverrideReason: values.leadTimeOverrideReason,
      resourceId: values.resourceId,
      startAt: instant(values.startTime),
      endAt: instant(values.endTime),
      purpose: values.purpose,
      attendees: values.attendees,
      phone: values.phone,
      specialNeeds: values.specialNeeds,
    });
    id = booking.id;
  } catch (error) {
    const failure = await actionFailure(error, values.resourceId);
    const fields = failure.fieldErrors && { ...failure.fieldErrors };
    if (fields && !values.date.trim()) {
      // No date: say so once on the date rather than on both times.
      fields.date = ['required'];
      delete fields.startAt;
      delete fields.endAt;
    }
    let alternatives: string[] | undefined;
    if (failure.alternatives?.length) {
      const [locale, resources] = await Promise.all([currentLocale(), listResources(db)]);
      const label = (resourceId: string) => {
        const r = resources.find((x) => x.id === resourceId);
        return r ? `${r.code} ${localizedName(r, locale)}` : resourceId;
      };
      alternatives = failure.alternatives.map(
        (alt) => `${formatRange(new Date(alt.startAt), new Date(alt.endAt), locale, timeZone)} · ${label(alt.resourceId)}`,
      );
    }
    return {
      code: failure.code,
      error: failure.message,
      ...(fields && { fields }),
      ...(alternatives && { alternatives }),
      values,
    };
  }
  revalidatePath('/admin/review');
  redirect(`/admin/review/${encodeURIComponent(id)}`);
}
