/**
 * A resource's name, location, facilities and notes in both languages (issue 10, defect 8): the
 * public and signed-in API answer each as { zh, en }, as the OpenAPI document says; an English
 * reader's e-mail names the place in English, with the date written out and the zone named.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as publicResourcesGET } from '@/app/api/v1/public/resources/route';
import { bookings, emailOutbox } from '@/db/schema';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { publicResourceSchema } from '@/lib/api/public-schemas';
import { resourceSchema } from '@/lib/api/schemas';
import { toApiResource } from '@/lib/api/serialize';
import { listResources } from '@/lib/booking/queries';
import { notify } from '@/lib/mail/notify';
import { renderEmail } from '@/lib/mail/render';
import { API } from '../helpers/public-api';
import { resourceByCode, seedBooking, slot } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();

beforeAll(() => {
  process.env.DATABASE_URL = handle().url;
});

const SHOWROOM = {
  name: { zh: '产品展厅', en: 'Product Showroom' },
  location: { zh: '总部 1 楼', en: 'HQ, 1st floor' },
  facilities: { zh: ['样板墙', '灯光控制', '讲解屏'], en: ['Sample wall', 'Lighting control', 'Presentation screen'] },
  notes: { zh: expect.stringContaining('平底鞋'), en: expect.stringContaining('flat shoes') },
};

describe('resources in both languages', () => {
  it('the public API answers names, location, facilities and notes as { zh, en }', async () => {
    const response = await publicResourcesGET(new Request(`${API}/resources`));
    const body = (await response.json()) as { resources: { code: string }[] };
    const showroom = body.resources.find((r) => r.code === 'SR-101')!;
    expect(showroom).toMatchObject({ ...SHOWROOM, type: { code: 'showroom', name: { zh: '展厅', en: 'Showroom' } } });
    for (const resource of body.resources) expect(publicResourceSchema.safeParse(resource).success, resource.code).toBe(true);
  });

  it('the signed-in API does the same', async () => {
    const resources = (await listResources(db())).map(toApiResource);
    expect(resources.find((r) => r.code === 'SR-101')).toMatchObject(SHOWROOM);
    for (const resource of resources) expect(resourceSchema.safeParse(resource).success, resource.code).toBe(true);
  });

  it('the OpenAPI document describes the { zh, en } shape', () => {
    const { components } = buildOpenApiDocument() as { components: { schemas: Record<string, { properties: Record<string, { properties?: object }> }> } };
    for (const name of ['Resource', 'PublicResource']) {
      for (const field of ['name', 'location', 'facilities', 'notes']) {
        expect(Object.keys(components.schemas[name].properties[field].properties ?? {}), `${name}.${field}`).toEqual(['zh', 'en']);
      }
    }
  });

  it("an English reader's e-mail names the resource and its place in English", async () => {
    const showroom = await resourceByCode(db(), 'SR-101');
    const booking = await seedBooking(db(), { resourceId: showroom.id, ...slot('2030-09-03', '09:30', '11:30') });
    await db().update(bookings).set({ locale: 'en' }).where(eq(bookings.id, booking.id));
    await notify(db(), 'request_received', booking.id);
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.bookingId, booking.id));
    const mail = await renderEmail({ ...row, payload: row.payload as Record<string, unknown> });
    expect(mail.text).toContain('Product Showroom');
    expect(mail.text).toContain('HQ, 1st floor');
    expect(mail.text).toContain('Tue 3 Sept 2030, 09:30–11:30 (China Standard Time)');
    expect(mail.senderName).toBe('Resource Booking');
  });
});
