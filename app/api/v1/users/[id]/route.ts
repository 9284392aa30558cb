/**
 * PATCH /api/v1/users/{id} {role?, departmentId?, departmentContact?, disabled?} — admin changes
 * an account; the fields left out stay. A new role, department or `disabled: true` ends the
 * person's sessions at once. The last active admin cannot be demoted or disabled (422).
 */
import { toApiUser, updateUserBody } from '@/lib/api/admin-schemas';
import { apiRoute } from '@/lib/api/handler';
import { getPerson, updatePerson } from '@/lib/users/people';

export const dynamic = 'force-dynamic';

export const PATCH = apiRoute<{ id: string }>(async ({ db, actor, params, body }) => {
  const current = await getPerson(db, actor, params.id);
  const change = await body(updateUserBody);
  await updatePerson(db, actor, current.id, {
    role: change.role ?? current.role,
    departmentId: change.departmentId ?? current.departmentId,
    departmentContact: change.departmentContact ?? current.isDepartmentContact,
    active: change.disabled === undefined ? current.active : !change.disabled,
  });
  return Response.json(toApiUser(await getPerson(db, actor, current.id)));
});
