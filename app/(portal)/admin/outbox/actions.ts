'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { currentActor } from '@/lib/auth/session';
import { isDomainError } from '@/lib/errors';
import { retryDeadMail } from '@/lib/mail/outbox-admin';

/** Only a failure has something to say: on success the row itself turns back to "queued". */
export type RetryState = { failed: true } | null;

const retrySchema = z.object({ id: z.string() });

export async function retryMailAction(_prev: RetryState, formData: FormData): Promise<RetryState> {
  const parsed = retrySchema.safeParse({ id: formData.get('id') });
  if (!parsed.success) return { failed: true };
  try {
    await retryDeadMail(await getDb(), await currentActor(), parsed.data.id);
  } catch (error) {
    // not_found: retried by someone else meanwhile, or no longer dead. Authorization errors propagate.
    if (isDomainError(error) && error.code === 'not_found') return { failed: true };
    throw error;
  }
  revalidatePath('/admin/outbox');
  return null;
}
