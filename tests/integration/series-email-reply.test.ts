/**
 * A recurring series by e-mail: the applicant gets ONE "request received" mail for the whole
 * series (not one per date), and after admin approves the series a "确认" reply to that mail,
 * posted through the inbound route, confirms every approved date of the series at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/inbound/email/route';
import { bookingEvents, bookings, emailOutbox } from '@/db/schema';
import type { UserActor } from '@/lib/authz';
import { approveSeries } from '@/lib/booking/series/actions';
import { createSeries } from '@/lib/booking/series/create';
import { bookingMessageId, bookingReplyAddress } from '@/lib/mail/addresses';
import { renderEmail } from '@/lib/mail/render';
import { loadActors, NOW, resourceByCode, slot, type Who } from '../helpers/booking-fixtures';
import { useTestDb } from '../helpers/db';

const { db, handle } = useTestDb();
let actors: Record<Who, UserActor>;

beforeAll(async () => {
  process.env.DATABASE_URL = handle().url;
  process.env.APP_URL = 'http://booking.test';
  process.env.INBOUND_EMAIL_SECRET = 'inbound-secret';
  actors = await loadActors(db());
});

const post = (raw: Buffer) =>
  POST(
    new Request('http://booking.test/api/inbound/email', {
      method: 'POST',
      body: new Uint8Array(raw),
      headers: { authorization: 'Bearer inbound-secret', 'content-type': 'message/rfc822' },
    }),
  );

describe('a recurring series by e-mail', () => {
  it('sends one received mail for the series; a "确认" reply to it confirms every approved date', async () => {
    const resource = await resourceByCode(db(), 'MR-302');
    // Four Mondays from 18 March 2030, an hour each.
    const created = await createSeries(
      db(),
      actors.staff,
      { resourceId: resource.id, ...slot('2030-03-18', '15:00', '16:00'), rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', purpose: '周例会', phone: '138 0013 8000' },
      { now: NOW },
    );
    const ids = created.occurrences.flatMap((o) => (o.bookingId ? [o.bookingId] : []));
    expect(ids).toHaveLength(4);

    const received = await db().select().from(emailOutbox).where(inArray(emailOutbox.bookingId, ids));
    expect(received.map((m) => [m.template, m.toAddress])).toEqual([['series-received', 'staff@example.com']]);
    const mail = await renderEmail(received[0]);
    expect(mail.subject).toContain(created.reference);
    for (const o of created.occurrences) expect(mail.text).toContain(`${o.n}. `);

    await approveSeries(db(), actors.admin, { seriesId: created.seriesId, opinion: '同意' }, { now: NOW });
    const raw = await new MailComposer({
      from: '张销售 <staff@example.com>',
      to: bookingReplyAddress(received[0].bookingId!),
      subject: `Re: ${mail.subject}`,
      inReplyTo: bookingMessageId(received[0].bookingId!, received[0].id),
      text: '确认\n\n> 届时可通过链接或回复“确认”一次确认整个周期预约。',
    })
      .compile()
      .build();
    const response = await post(raw);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ outcome: 'confirmed', bookingId: received[0].bookingId });

    const rows = await db().select().from(bookings).where(eq(bookings.seriesId, created.seriesId));
    expect(rows.map((b) => b.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    const confirmations = await db()
      .select()
      .from(bookingEvents)
      .where(and(inArray(bookingEvents.bookingId, ids), eq(bookingEvents.action, 'confirm')));
    expect(confirmations).toHaveLength(4);
    expect(confirmations.every((e) => (e.data as { via?: string }).via === 'email_reply')).toBe(true);

    // The same reply posted again changes nothing more.
    expect(await (await post(raw)).json()).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
  });
});
