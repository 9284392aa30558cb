/**
 * The life of a rectification item (整改) as data: which step moves it from which statuses to
 * which, and who may take it. Admin and customer service may take every step; the owner
 * department's contacts report progress (start, done) but cannot verify their own work.
 * lib/rectifications/change.ts turns an entry into one conditional UPDATE (… WHERE status IN (from)).
 */
import type { RectificationStatus } from '@/db/schema';

export const RECTIFICATION_STATUSES = ['open', 'in_progress', 'done', 'verified'] as const satisfies readonly RectificationStatus[];

/** Still to be put right: these count as open and can become overdue. */
export const UNFINISHED_STATUSES = ['open', 'in_progress'] as const satisfies readonly RectificationStatus[];

export type RectificationRole = 'desk' | 'owner';

interface Step {
  from: readonly RectificationStatus[];
  by: readonly RectificationRole[];
}

/** By the status an item moves to. */
export const RECTIFICATION_STEPS: Record<RectificationStatus, Step> = {
  // Back to open: a start that was a mistake, or work found not done at verification.
  open: { from: ['in_progress', 'done'], by: ['desk'] },
  in_progress: { from: ['open', 'done'], by: ['desk', 'owner'] },
  done: { from: ['open', 'in_progress'], by: ['desk', 'owner'] },
  verified: { from: ['done'], by: ['desk'] },
};

/** The statuses `role` may move an item in `status` to, in the table's order. */
export function nextStatuses(status: RectificationStatus, roles: readonly RectificationRole[]): RectificationStatus[] {
  return RECTIFICATION_STATUSES.filter((to) => {
    const step = RECTIFICATION_STEPS[to];
    return step.from.includes(status) && step.by.some((role) => roles.includes(role));
  });
}
