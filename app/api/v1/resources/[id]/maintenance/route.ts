/**
 * POST /api/v1/resources/{id}/maintenance {startAt, endAt, reason} — admin plans a maintenance
 * window → 201 {id, affectedBookings}: the held bookings inside, kept and flagged, their
 * applicants e-mailed with alternatives.
 */
import { toAffected } from '@/lib/api/admin-schemas';
import { apiRoute } from '@/lib/api/handler';
import { requireAdmin } from '@/lib/authz';
import { addMaintenanceWindow } from '@/lib/maintenance/windows';

export const dynamic = 'force-dynamic';

export const POST = apiRoute<{ id: string }>(async ({ db, actor, params, json }) => {
  requireAdmin(actor);
  const { id, affectedBookings } = await addMaintenanceWindow(db, actor, params.id, json);
  return Response.json({ id, affectedBookings: affectedBookings.map(toAffected) }, { status: 201 });
});
