/** Reading suggestions: the sender's own (with answers), and admin's list of all of them. */
import { count, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { departments, feedback, resources, users } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { rectificationCounts } from '@/lib/rectifications/queries';

export const FEEDBACK_PAGE_SIZE = 20;
/** How many of one's own the page shows, newest first. */
export const OWN_FEEDBACK_LIMIT = 50;

const resourceColumns = { id: resources.id, code: resources.code, nameZh: resources.nameZh, nameEn: resources.nameEn };

export async function listOwnFeedback(db: Db, actor: Actor) {
  const user = requireUser(actor);
  return db
    .select({ feedback, resource: resourceColumns })
    .from(feedback)
    .leftJoin(resources, eq(resources.id, feedback.resourceId))
    .where(eq(feedback.authorUserId, user.id))
    .orderBy(desc(feedback.createdAt))
    .limit(OWN_FEEDBACK_LIMIT);
}

/** Every suggestion, newest first (`unanswered`: only those still waiting), with how many items each became. */
export async function listAllFeedback(db: Db, actor: Actor, opts: { unanswered?: boolean; page?: number } = {}) {
  requireAdmin(actor);
  const where = opts.unanswered ? isNull(feedback.answer) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(feedback).where(where);
  const pageCount = Math.max(1, Math.ceil(total / FEEDBACK_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(Number.isFinite(opts.page) ? opts.page! : 1)), pageCount);
  const author = alias(users, 'author');
  const rows = await db
    .select({
      feedback,
      resource: resourceColumns,
      authorName: author.name,
      department: { nameZh: departments.nameZh, nameEn: departments.nameEn },
    })
    .from(feedback)
    .innerJoin(author, eq(author.id, feedback.authorUserId))
    .leftJoin(departments, eq(departments.id, feedback.departmentId))
    .leftJoin(resources, eq(resources.id, feedback.resourceId))
    .where(where)
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(FEEDBACK_PAGE_SIZE)
    .offset((page - 1) * FEEDBACK_PAGE_SIZE);
  const items = await rectificationCounts(db, 'suggestion', rows.map((r) => r.feedback.id));
  return { rows: rows.map((r) => ({ ...r, rectifications: items.get(r.feedback.id) ?? 0 })), total, page, pageCount };
}
