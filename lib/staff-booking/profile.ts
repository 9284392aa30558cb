/** What the new-booking form pre-fills about the applicant: their phone and department. */
import { eq } from 'drizzle-orm';
import type { Db } from '@/db';
import { departments, users, type Department } from '@/db/schema';
import { requireUser, type Actor } from '@/lib/authz';

export interface ApplicantProfile {
  phone: string;
  department: Pick<Department, 'id' | 'nameZh' | 'nameEn'> | null;
}

export async function applicantProfile(db: Db, actor: Actor): Promise<ApplicantProfile> {
  const user = requireUser(actor);
  const [row] = await db
    .select({ phone: users.phone, departmentId: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, user.id));
  return {
    phone: row?.phone ?? '',
    department: row?.departmentId ? { id: row.departmentId, nameZh: row.nameZh ?? '', nameEn: row.nameEn ?? '' } : null,
  };
}
