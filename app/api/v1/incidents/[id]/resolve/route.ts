/** POST /api/v1/incidents/{id}/resolve {notes} — admin resolves a report; its maintenance ends. */
import { apiRoute } from '@/lib/api/handler';
import { toApiIncident } from '@/lib/api/usage-schemas';
import { resolveIncident } from '@/lib/incidents/resolve';
import { resolveIncidentSchema } from '@/lib/incidents/schemas';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params, body }) =>
  Response.json(toApiIncident(await resolveIncident(db, actor, params.id, await body(resolveIncidentSchema)))),
);
