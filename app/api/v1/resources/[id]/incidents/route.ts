/**
 * POST /api/v1/resources/{id}/incidents — a damage or abnormality report → 201
 * {id, affectedBookings}. Admin, or the applicant of a booking on this resource from 30 minutes
 * before its start until 2 hours after its end; `blocking` puts the resource under maintenance.
 */
import { apiRoute } from '@/lib/api/handler';
import { toApiIncidentReported } from '@/lib/api/usage-schemas';
import { reportIncident } from '@/lib/incidents/report';
import { reportIncidentSchema } from '@/lib/incidents/schemas';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params, body }) => {
  const result = await reportIncident(db, actor, params.id, await body(reportIncidentSchema));
  return Response.json(toApiIncidentReported(result), { status: 201 });
});
