/**
 * POST /api/v1/users {name, email, phone?, departmentId, role, departmentContact?, locale?} —
 * admin adds an account → 201; the person is e-mailed a one-use link to set their password.
 * An e-mail address in use (any case) → 409.
 */
import { toApiUser } from '@/lib/api/admin-schemas';
import { apiRoute } from '@/lib/api/handler';
import { requireAdmin } from '@/lib/authz';
import { createPerson, getPerson } from '@/lib/users/people';

export const dynamic = 'force-dynamic';

export const POST = apiRoute(async ({ db, actor, json }) => {
  requireAdmin(actor);
  const { id } = await createPerson(db, actor, json);
  return Response.json(toApiUser(await getPerson(db, actor, id)), { status: 201 });
});
