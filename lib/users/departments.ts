/**
 * Admin keeps the departments: code, names in both languages, the department's mailbox, and
 * which of its people are its contacts (they answer coordination requests addressed to the
 * department). Every change is one audit row with the changed fields old → new; contacts are
 * recorded by name, as the page shows them.
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db';
import { pgErrorCode } from '@/db/errors';
import { departments, users, type Department } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { requireAdmin, type Actor } from '@/lib/authz';
import { isUuid } from '@/lib/booking/ids';
import { fieldErrors } from '@/lib/booking/schemas';
import { DomainError } from '@/lib/errors';
import { blankToUndefined } from '@/lib/validation/fields';

const D = {
  required: 'people.errors.required',
  tooLong: 'people.errors.too_long',
  email: 'people.errors.email',
  code: 'people.errors.department_code',
  codeTaken: 'people.errors.department_code_taken',
  choice: 'people.errors.choice',
} as const;

const text = (max: number) => z.string({ error: D.required }).trim().min(1, D.required).max(max, D.tooLong);
/** A form's repeated checkbox (one value, several, or none) or a JSON array. */
const ids = () =>
  z.preprocess((value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid({ error: D.choice })).max(200));

export const departmentSchema = z.object({
  code: z
    .string({ error: D.required })
    .trim()
    .min(1, D.required)
    .max(16, D.tooLong)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, D.code)
    .transform((code) => code.toUpperCase()),
  nameZh: text(100),
  nameEn: text(100),
  email: z.preprocess(blankToUndefined, z.string().trim().max(200, D.tooLong).pipe(z.email(D.email)).optional()),
  /** The department's people who are its contacts; its other people are not. */
  contactIds: ids(),
});

export interface DepartmentRow extends Department {
  people: number;
  contacts: { id: string; name: string }[];
}

function parse(input: unknown) {
  const result = departmentSchema.safeParse(input);
  if (!result.success) throw new DomainError('invalid_input', undefined, { fields: fieldErrors(result.error) });
  return result.data;
}

const codeTaken = () => new DomainError('already_exists', undefined, { fields: { code: [D.codeTaken] } });

/** Every department with how many people it has and who its contacts are (admin). */
export async function listDepartmentsWithContacts(db: Db, actor: Actor): Promise<DepartmentRow[]> {
  requireAdmin(actor);
  const [rows, members] = await Promise.all([
    db.select().from(departments).orderBy(asc(departments.code)),
    db
      .select({ departmentId: users.departmentId, n: count(), contacts: sql<{ id: string; name: string }[]>`coalesce(json_agg(json_build_object('id', ${users.id}, 'name', ${users.name}) order by ${users.name}) filter (where ${users.isDepartmentContact}), '[]')` })
      .from(users)
      .where(eq(users.active, true))
      .groupBy(users.departmentId),
  ]);
  const byDepartment = new Map(members.map((m) => [m.departmentId, m]));
  return rows.map((d) => ({ ...d, people: byDepartment.get(d.id)?.n ?? 0, contacts: byDepartment.get(d.id)?.contacts ?? [] }));
}

/** One department and its active people (the contact choices). */
export async function getDepartment(db: Db, actor: Actor, id: string) {
  requireAdmin(actor);
  const [department] = isUuid(id) ? await db.select().from(departments).where(eq(departments.id, id)) : [];
  if (!department) throw new DomainError('not_found');
  const people = await db
    .select({ id: users.id, name: users.name, isDepartmentContact: users.isDepartmentContact })
    .from(users)
    .where(and(eq(users.departmentId, id), eq(users.active, true)))
    .orderBy(asc(users.name));
  return { department, people };
}

/** Contacts by name, for the audit log. */
async function contactNames(tx: Db, departmentId: string): Promise<string[]> {
  const rows = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(eq(users.departmentId, departmentId), eq(users.isDepartmentContact, true)))
    .orderBy(asc(users.name));
  return rows.map((r) => r.name);
}

/** Makes `contactIds` (people of this department) its contacts and its other people not. */
async function setContacts(tx: Db, departmentId: string, contactIds: string[]): Promise<void> {
  if (contactIds.length > 0) {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.departmentId, departmentId), inArray(users.id, contactIds)));
    if (n !== new Set(contactIds).size) throw new DomainError('invalid_input', undefined, { fields: { contactIds: [D.choice] } });
  }
  await tx
    .update(users)
    .set({ isDepartmentContact: contactIds.length > 0 ? inArray(users.id, contactIds) : sql`false` })
    .where(eq(users.departmentId, departmentId));
}

export async function createDepartment(db: Db, actor: Actor, input: unknown, opts: { now?: Date } = {}): Promise<{ id: string }> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  const now = opts.now ?? new Date();
  return db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(departments)
        .values({ code: values.code, nameZh: values.nameZh, nameEn: values.nameEn, email: values.email ?? null, createdAt: now })
        .onConflictDoNothing({ target: departments.code })
        .returning();
      if (!row) throw codeTaken();
      // A new department has nobody yet: contacts are chosen once people are in it.
      await recordAudit(tx, admin, { entity: 'department', entityId: row.id, verb: 'create', after: { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, email: row.email } }, now);
      return { id: row.id };
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === '23505') throw codeTaken();
      throw error;
    });
}

export async function updateDepartment(db: Db, actor: Actor, id: string, input: unknown, opts: { now?: Date } = {}): Promise<void> {
  const admin = requireAdmin(actor);
  const values = parse(input);
  const now = opts.now ?? new Date();
  await db
    .transaction(async (tx) => {
      const [current] = isUuid(id) ? await tx.select().from(departments).where(eq(departments.id, id)).for('update') : [];
      if (!current) throw new DomainError('not_found');
      const contactsBefore = await contactNames(tx, id);
      const [taken] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, values.code));
      if (taken && taken.id !== id) throw codeTaken();
      await tx.update(departments).set({ code: values.code, nameZh: values.nameZh, nameEn: values.nameEn, email: values.email ?? null }).where(eq(departments.id, id));
      await setContacts(tx, id, values.contactIds);
      const change = changedFields(
        { code: current.code, nameZh: current.nameZh, nameEn: current.nameEn, email: current.email, contacts: contactsBefore },
        { code: values.code, nameZh: values.nameZh, nameEn: values.nameEn, email: values.email ?? null, contacts: await contactNames(tx, id) },
      );
      if (Object.keys(change.after).length > 0) await recordAudit(tx, admin, { entity: 'department', entityId: id, verb: 'update', ...change }, now);
    })
    .catch((error: unknown) => {
      if (pgErrorCode(error) === '23505') throw codeTaken();
      throw error;
    });
}
