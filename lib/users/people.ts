/**
 * Admin keeps the people: creates an account (the person gets a one-use link to set their
 * password), changes its role, department or department-contact flag, switches it off or on,
 * and sends a password reset link. A change of role or an account switched off ends the
 * person's sessions at once (lib/users/sessions.ts). Nobody demotes or switches off the last
 * active admin, nor their own account. Every change is in the audit log.
 */
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { pgErrorCode } from '@/db/errors';
import { departments, userRole, users, type Department, type User } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { fieldErrors, STAFF_FIELD_MESSAGES } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { blankToUndefined, phoneField } from '@/lib/validation/fields';
import { sendPasswordLink } from './password-link';
import { endSessions } from './sessions';

const P = {
  required: 'people.errors.required',
  tooLong: 'people.errors.too_long',
  email: 'people.errors.email',
  emailTaken: 'people.errors.email_taken',
  choice: 'people.errors.choice',
  lastAdmin: 'people.errors.last_admin',
  self: 'people.errors.self',
} as const;

const flag = () => z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

export const newUserSchema = z.object({
  name: z.string({ error: P.required }).trim().min(1, P.required).max(100, P.tooLong),
  email: z.string({ error: P.required }).trim().min(1, P.required).max(200, P.tooLong).pipe(z.email(P.email)),
  phone: z.preprocess(blankToUndefined, phoneField(STAFF_FIELD_MESSAGES).optional()),
  departmentId: z.uuid({ error: P.choice }),
  role: z.enum(userRole.enumValues, { error: P.choice }),
  departmentContact: flag(),
  locale: z.enum(['zh', 'en'], { error: P.choice }).default('zh'),
});

export const userChangeSchema = z.object({
  role: z.enum(userRole.enumValues, { error: P.choice }),
  departmentId: z.uuid({ error: P.choice }),
  departmentContact: flag(),
  active: flag(),
});

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  return result.data;
}

const fieldError = (field: string, key: string) => new DomainError('invalid_input', undefined, { fields: { [field]: [key] } });
const emailTaken = () => new DomainError('already_exists', undefined, { fields: { email: [P.emailTaken] } });

export type PersonRow = Pick<User, 'id' | 'name' | 'email' | 'phone' | 'role' | 'active' | 'isDepartmentContact' | 'locale' | 'departmentId' | 'apiAccess'> & {
  department: Pick<Department, 'nameZh' | 'nameEn'> | null;
};

const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  role: users.role,
  active: users.active,
  isDepartmentContact: users.isDepartmentContact,
  locale: users.locale,
  departmentId: users.departmentId,
  apiAccess: users.apiAccess,
  department: { nameZh: departments.nameZh, nameEn: departments.nameEn },
};

export async function listPeople(db: Db, actor: Actor): Promise<PersonRow[]> {
  requireAdmin(actor);
  return db
    .select(personColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .orderBy(sql`${users.active} desc`, asc(users.name));
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonRow> {
  requireAdmin(actor);
  const [row] = isUuid(id)
    ? await db.select(personColumns).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(eq(users.id, id))
    : [];
  if (!row) throw new DomainError('not_found');
  return row;
}

export async function listDepartments(db: Db): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

async function assertDepartment(db: Db, departmentId: string): Promise<void> {
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId));
  if (!row) throw fieldError('departmentId', P.choice);
}

/** Creates the account without a password and e-mails the person a link to set one. */
export async function createPerson(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<{ id: string }> {
  const admin = requireAdmin(actor);
  const values = parse(newUserSchema, input);
  await assertDepartment(db, values.departmentId);
  const now = opts.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, values.email.toLowerCase()));
      if (taken) throw emailTaken();
      const [user] = await tx
        .insert(users)
        .values({
          name: values.name,
          email: values.email,
          phone: values.phone ?? null,
          departmentId: values.departmentId,
          role: values.role,
          isDepartmentContact: values.departmentContact,
          locale: values.locale,
          createdAt: now,
        })
        .returning();
      await sendPasswordLink(tx, user, 'welcome', now);
      await recordAudit(
        tx,
        admin,
        {
          entity: 'user',
          entityId: user.id,
          verb: 'create',
          after: { name: user.name, email: user.email, phone: user.phone, role: user.role, departmentId: user.departmentId, isDepartmentContact: user.isDepartmentContact },
        },
        now,
      );
      return { id: user.id };
    });
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides.
    if (pgErrorCode(error) === '23505') throw emailTaken();
    throw error;
  }
}

/** Other active admins than `userId`: demoting or switching off the last one is refused. */
async function otherActiveAdmins(tx: Db, userId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)));
  return n;
}

/**
 * Changes role, department, department-contact flag and whether the account is on. A new role
 * or switching off ends the person's sessions at once; so does a new department (what they may
 * see follows it).
 */
export async function updatePerson(db: Db, actor: Actor, id: string, input: unknown, opts: { now?: Date } = {}): Promise<void> {
  const admin = requireAdmin(actor);
  const change = parse(userChangeSchema, input);
  await assertDepartment(db, change.departmentId);
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    // Locks every admin row: two admins demoting each other cannot both pass the check.
    await tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).for('update');
    const [current] = isUuid(id) ? await tx.select().from(users).where(eq(users.id, id)).for('update') : [];
    if (!current) throw new DomainError('not_found');
    const losesAdmin = current.role === 'admin' && current.active && (change.role !== 'admin' || !change.active);
    if (losesAdmin && current.id === admin.id) throw fieldError(change.active ? 'role' : 'active', P.self);
    if (losesAdmin && (await otherActiveAdmins(tx, current.id)) === 0) throw fieldError('role', P.lastAdmin);

    const before = { role: current.role, departmentId: current.departmentId, isDepartmentContact: current.isDepartmentContact, active: current.active };
    const after = { role: change.role, departmentId: change.departmentId, isDepartmentContact: change.departmentContact, active: change.active };
    const diff = changedFields(before, after);
    if (Object.keys(diff.after).length === 0) return;
    const endsSessions = before.role !== after.role || before.active !== after.active || before.departmentId !== after.departmentId;
    await tx
      .update(users)
      .set({ ...after, ...(endsSessions && endSessions) })
      .where(eq(users.id, id));
    const action = before.active && !after.active ? 'disable' : !before.active && after.active ? 'enable' : 'update';
    await recordAudit(tx, admin, { entity: 'user', entityId: id, verb: action, ...diff }, now);
  });
}

/**
 * Admin's password reset: the old password stops working and every session ends at once; the
 * person gets a one-use link to choose a new one (no password is ever in an e-mail).
 */
export async function resetPassword(db: Db, actor: Actor, id: string, opts: { now?: Date } = {}): Promise<void> {
  const admin = requireAdmin(actor);
  const now = opts.now ?? new Date();
  await db.transaction(async (tx) => {
    const [user] = isUuid(id) ? await tx.select().from(users).where(eq(users.id, id)).for('update') : [];
    if (!user) throw new DomainError('not_found');
    if (!user.active) throw new DomainError('invalid_transition');
    await tx.update(users).set({ passwordHash: null, ...endSessions }).where(eq(users.id, id));
    await sendPasswordLink(tx, user, 'reset', now);
    await recordAudit(tx, admin, { entity: 'user', entityId: id, verb: 'reset_password' }, now);
  });
}
