'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { updateSettings } from '@/lib/admin/settings';
import { SETTINGS_FIELDS } from '@/lib/admin/settings-schema';
import { currentActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { localizeError } from '@/lib/i18n/error-message';

export type SettingsState =
  | { ok: true }
  /** `fields`: message keys of `settings.errors`, by field. */
  | { ok: false; error?: string; fields?: Record<string, string[]> }
  | null;

/** Saves every policy value; lib/admin/settings.ts checks admin and the bounds again. */
export async function updateSettingsAction(_prev: SettingsState, form: FormData): Promise<SettingsState> {
  const input = Object.fromEntries(SETTINGS_FIELDS.map((name) => [name, form.get(name) ?? '']));
  try {
    await updateSettings(await getDb(), await currentActor(), input);
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid_input') return { ok: false, fields: error.details.fields };
    return { ok: false, error: (await localizeError(error)).message };
  }
  // The time zone and default language show on every page.
  revalidatePath('/', 'layout');
  return { ok: true };
}
