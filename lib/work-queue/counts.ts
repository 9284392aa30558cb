/**
 * Where work waits, as counts for the navigation's badges: admin's review queue (pending
 * requests and change requests) and open damage reports; customer service's confirmed
 * customers not yet told and the survey answers nobody has read yet (both behind the desk); a
 * department contact's unanswered coordination requests; unfinished rectification items (all of
 * them for the desk, its department's for a contact). One
 * statement of counts, whatever the role, so every page's header costs one round trip.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db';
import { users } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { newSurveyAnswersCount } from '@/lib/surveys/queries';

/** By the navigation entry the work waits behind; absent when nothing waits. */
export type WorkQueueCounts = Partial<Record<'review' | 'incidents' | 'desk' | 'coordination' | 'rectifications', number>>;

export async function workQueueCounts(db: Db, actor: UserActor, now = new Date()): Promise<WorkQueueCounts> {
  const admin = actor.role === 'admin';
  const desk = admin || actor.role === 'customer_service';
  const department = actor.isDepartmentContact ? actor.departmentId : null;
  const none = sql`0`;
  const count = (query: SQL | false) => sql<number>`(${query || none})::int`.mapWith(Number);
  // One row: the caller's own, carrying the counts as scalar subqueries.
  const [row] = await db
    .select({
      review: count(admin && sql`(select count(*) from bookings where status = 'pending') + (select count(*) from change_requests where status = 'pending')`),
      incidents: count(admin && sql`select count(*) from incidents where status = 'open'`),
      desk: count(
        desk &&
          sql`(select count(*) from bookings b where b.requester_kind = 'customer' and b.status = 'confirmed' and b.end_at > ${now.toISOString()}::timestamptz
              and not exists (select 1 from customer_contacts c where c.booking_id = b.id and c.created_at >= b.confirmed_at))
              + (${newSurveyAnswersCount})`,
      ),
      coordination: count(department !== null && sql`select count(*) from coordination_requests where department_id = ${department} and answer is null`),
      rectifications: count(
        (desk || department !== null) &&
          sql`select count(*) from rectifications where status in ('open', 'in_progress')${desk ? sql`` : sql` and owner_department_id = ${department}`}`,
      ),
    })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) return {};
  const counts: WorkQueueCounts = {};
  for (const key of ['review', 'incidents', 'desk', 'coordination', 'rectifications'] as const) if (row[key] > 0) counts[key] = row[key];
  return counts;
}
