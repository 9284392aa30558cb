/**
 * Who may see and move rectification items: admin and customer service (the desk) all of them;
 * a department contact the items their department owns. Plain staff none.
 */
import type { Rectification } from '@/db/schema';
import { requireUser, type Actor, type UserActor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import type { RectificationRole } from './state';

export const isDesk = (actor: UserActor) => actor.role === 'admin' || actor.role === 'customer_service';

/** The department whose items a contact sees; null when the actor is no department contact. */
export const contactDepartment = (actor: UserActor) => (actor.isDepartmentContact ? actor.departmentId : null);

/** The desk, or a department contact; anyone else is refused before anything is read. */
export function requireRectificationViewer(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (!isDesk(user) && contactDepartment(user) === null) throw new DomainError('forbidden');
  return user;
}

export function rectificationRoles(actor: UserActor, item: Pick<Rectification, 'ownerDepartmentId'>): RectificationRole[] {
  const roles: RectificationRole[] = [];
  if (isDesk(actor)) roles.push('desk');
  if (contactDepartment(actor) === item.ownerDepartmentId) roles.push('owner');
  return roles;
}
