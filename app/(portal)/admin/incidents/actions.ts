'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { resolveIncident } from '@/lib/incidents/resolve';
import { resolveIncidentSchema } from '@/lib/incidents/schemas';

/** Admin resolves a damage report; lib/incidents/resolve.ts checks admin and ends any maintenance. */
export const resolveIncidentAction = serverAction({
  input: resolveIncidentSchema.extend({ incidentId: z.string() }),
  run: async ({ db, actor }, { incidentId, ...input }) => {
    await resolveIncident(db, actor, incidentId, input);
  },
  message: (t) => t('incidents.admin.resolved'),
  after: () => {
    revalidatePath('/admin/incidents');
    revalidatePath('/admin/resources');
  },
});
