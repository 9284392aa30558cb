'use server';

/**
 * Maintenance windows on a resource. lib/maintenance/windows.ts checks admin and the values; an
 * answer lists the bookings inside the window, whose applicants were e-mailed.
 */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { addMaintenanceWindow, endMaintenanceWindow, updateMaintenanceWindow } from '@/lib/maintenance/windows';

const text = () => z.string().default('');

export const saveMaintenanceAction = serverAction({
  input: z.object({ resourceId: text(), windowId: text(), startAt: text(), endAt: text(), reason: text() }),
  run: async ({ db, actor }, { resourceId, windowId, ...window }) => {
    const result = windowId
      ? await updateMaintenanceWindow(db, actor, windowId, window)
      : await addMaintenanceWindow(db, actor, resourceId, window);
    return { ...result, resourceId };
  },
  message: (t, { affectedBookings }) => t('maintenance.saved', { count: affectedBookings.length }),
  after: ({ resourceId }) => revalidatePath(`/admin/resources/${resourceId}`),
});

export const endMaintenanceAction = serverAction({
  input: z.object({ resourceId: text(), windowId: text() }),
  run: async ({ db, actor }, { resourceId, windowId }) => {
    await endMaintenanceWindow(db, actor, windowId);
    return { resourceId };
  },
  message: (t) => t('maintenance.ended'),
  after: ({ resourceId }) => revalidatePath(`/admin/resources/${resourceId}`),
});
