/**
 * Suggestions and complaints from staff (policy II.2): anyone signed in sends one about a
 * resource or the booking process and sees their own with the answer; admin reads them all and
 * answers each once.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db';
import { feedback, resources, type Feedback } from '@/db/schema';
import { requireAdmin, requireUser, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { parseInput } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { answerFeedbackSchema, sendFeedbackSchema } from './schemas';

export async function sendFeedback(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<Feedback> {
  const user = requireUser(actor);
  const data = parseInput(sendFeedbackSchema, input);
  if (data.resourceId) {
    const [resource] = await db.select({ id: resources.id }).from(resources).where(eq(resources.id, data.resourceId));
    if (!resource) throw new DomainError('invalid_input', undefined, { fields: { resourceId: ['invalid_id'] } });
  }
  const [row] = await db
    .insert(feedback)
    .values({
      kind: data.kind,
      authorUserId: user.id,
      departmentId: user.departmentId,
      resourceId: data.resourceId ?? null,
      message: data.message,
      createdAt: opts.now ?? new Date(),
    })
    .returning();
  return row;
}

export async function answerFeedback(db: Db, actor: Actor, feedbackId: string, input: unknown, opts: { now?: Date } = {}): Promise<Feedback> {
  const admin = requireAdmin(actor);
  const { answer } = parseInput(answerFeedbackSchema, input);
  if (!isUuid(feedbackId)) throw new DomainError('not_found');
  const [row] = await db
    .update(feedback)
    .set({ answer, answeredById: admin.id, answeredAt: opts.now ?? new Date() })
    .where(and(eq(feedback.id, feedbackId), isNull(feedback.answer)))
    .returning();
  if (row) return row;
  const [exists] = await db.select({ id: feedback.id }).from(feedback).where(eq(feedback.id, feedbackId));
  throw new DomainError(exists ? 'already_answered' : 'not_found');
}
