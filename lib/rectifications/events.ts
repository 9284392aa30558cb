/** Writes a rectification item's history (db/schema.ts `rectificationEvents`); the one writer. */
import type { Db } from '@/db';
import { rectificationEvents, type RectificationStatus } from '@/db/schema';
import type { UserActor } from '@/lib/authz';

export interface RectificationEventInput {
  rectificationId: string;
  /** Null: the scheduled job. */
  actor: UserActor | null;
  action: 'created' | 'status' | 'reassigned' | 'note' | 'overdue_notified';
  fromStatus?: RectificationStatus | null;
  toStatus?: RectificationStatus | null;
  data?: Record<string, unknown> | null;
  note?: string;
  at: Date;
}

export async function recordRectificationEvents(tx: Db, events: readonly RectificationEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(rectificationEvents).values(
    events.map((e) => ({
      rectificationId: e.rectificationId,
      at: e.at,
      actorUserId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? '',
      action: e.action,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      data: e.data ?? null,
      note: e.note ?? '',
    })),
  );
}
