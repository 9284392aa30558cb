/**
 * Admin's policy settings page: read the values with who changed them last, and change them.
 * The booking rules read the row fresh for every operation (lib/settings.ts), so a change
 * applies to the next request at once.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { policySettings, users, type PolicySettings } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { fieldErrors } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { getSettings } from '@/lib/settings';
import { policySettingsSchema, SETTINGS_BOUNDS } from './settings-schema';

export { policySettingsSchema, SETTINGS_BOUNDS, type PolicySettingsInput } from './settings-schema';

export interface PolicySettingsView {
  settings: PolicySettings;
  updatedByName: string | null;
}

export async function getPolicySettings(db: Db, actor: Actor): Promise<PolicySettingsView> {
  requireAdmin(actor);
  const settings = await getSettings(db);
  const [editor] = settings.updatedById
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, settings.updatedById))
    : [];
  return { settings, updatedByName: editor?.name ?? null };
}

/**
 * Replaces every policy value at once (the form always sends all of them). Bad values are
 * `invalid_input` with per-field `settings.errors` message paths, each number's bounds as its
 * field's message values; nothing is written. The values that changed are in the audit log.
 */
export async function updateSettings(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<PolicySettings> {
  const admin = requireAdmin(actor);
  const parsed = policySettingsSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError('invalid_input', undefined, { fields: fieldErrors(parsed.error), fieldParams: SETTINGS_BOUNDS });
  }
  const now = opts.now ?? new Date();
  const values = { ...parsed.data, updatedAt: now, updatedById: admin.id };
  return db.transaction(async (tx) => {
    const before = await getSettings(tx);
    // The row normally exists (seed, or getSettings on first read); the upsert covers a bare database.
    const [row] = await tx
      .insert(policySettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: policySettings.id, set: values })
      .returning();
    const change = changedFields(pick(before, parsed.data), pick(row, parsed.data));
    if (Object.keys(change.after).length > 0) {
      await recordAudit(tx, admin, { entity: 'setting', entityId: 'policy', verb: 'update', ...change }, now);
    }
    return row;
  });
}

/** The policy values the form sends, out of a settings row (not who changed it when). */
function pick(row: PolicySettings, keys: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(keys).map((key) => [key, row[key as keyof PolicySettings]]));
}
