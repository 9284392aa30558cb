'use server';

/** "Report a problem" on the booking page: the applicant during or just after use, or admin. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/forms/server-action';
import { reportIncident } from '@/lib/incidents/report';
import { reportIncidentSchema } from '@/lib/incidents/schemas';

export const reportProblemAction = serverAction({
  input: reportIncidentSchema.extend({ bookingId: z.string(), resourceId: z.string() }),
  run: async ({ db, actor }, { resourceId, ...report }) => {
    const { affectedBookings } = await reportIncident(db, actor, resourceId, report);
    return { affected: affectedBookings.length };
  },
  message: (t, data) => t('incidents.report.done', { affected: data.affected }),
  after: (_data, { bookingId }) => {
    revalidatePath(`/bookings/${bookingId}`);
    revalidatePath('/admin/incidents');
  },
});
