/** The active staff accounts admin can enter a paper, phone or e-mail request for. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { departments, users } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';

export interface StaffMember {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  departmentId: string | null;
  department: { nameZh: string; nameEn: string } | null;
}

export async function listActiveStaff(db: Db, actor: Actor): Promise<StaffMember[]> {
  requireAdmin(actor);
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      phone: users.phone,
      departmentId: users.departmentId,
      departmentZh: departments.nameZh,
      departmentEn: departments.nameEn,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
  return rows.map(({ departmentZh, departmentEn, ...user }) => ({
    ...user,
    department: departmentZh !== null && departmentEn !== null ? { nameZh: departmentZh, nameEn: departmentEn } : null,
  }));
}
