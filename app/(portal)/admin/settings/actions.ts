'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { updateSettings } from '@/lib/admin/settings';
import { serverAction } from '@/lib/forms/server-action';

/**
 * Saves every policy value. lib/admin/settings.ts checks admin and validates with the form's own
 * schema (policySettingsSchema), giving each number's message its bounds.
 */
export const updateSettingsAction = serverAction({
  input: z.record(z.string(), z.unknown()),
  run: async ({ db, actor }, input) => {
    await updateSettings(db, actor, input);
  },
  message: (t) => t('settings.saved'),
  // The time zone and default language show on every page.
  after: () => revalidatePath('/', 'layout'),
});
