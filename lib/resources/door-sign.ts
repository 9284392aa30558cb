/**
 * The printable sign on a resource's door: its names, code and a QR code of its door page
 * (`/door/<code>`, absolute from APP_URL), drawn as SVG so it prints sharp at any size.
 */
import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Db } from '@/db';
import { resources, type Resource } from '@/db/schema';
import { requireAdmin, type Actor } from '@/lib/authz';
import { DomainError } from '@/lib/errors';
import { absoluteUrl } from '@/lib/mail/config';

export interface DoorSign {
  resource: Pick<Resource, 'id' | 'code' | 'nameZh' | 'nameEn' | 'location'>;
  doorUrl: string;
  qrSvg: string;
}

export function doorPath(code: string): string {
  return `/door/${encodeURIComponent(code)}`;
}

export async function getDoorSign(db: Db, actor: Actor, id: string): Promise<DoorSign> {
  requireAdmin(actor);
  if (!z.uuid().safeParse(id).success) throw new DomainError('not_found');
  const [resource] = await db.select().from(resources).where(eq(resources.id, id));
  if (!resource) throw new DomainError('not_found');
  const doorUrl = absoluteUrl(doorPath(resource.code));
  // Error correction M survives a scuffed print; the margin is the quiet zone scanners need.
  const qrSvg = await QRCode.toString(doorUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    resource: { id: resource.id, code: resource.code, nameZh: resource.nameZh, nameEn: resource.nameEn, location: resource.location },
    doorUrl,
    qrSvg,
  };
}
