/**
 * The notify-waitlist job. It does not listen for cancellations, declines, expiries, rejections
 * or no-shows one by one: it looks at the state they leave behind. An entry whose wanted time
 * (widened by the resource's buffers) is clear of every hold and blackout has been freed, and
 * its owner is told — but only the earliest waiter for any overlapping time: a later entry
 * waits while an earlier one overlapping it is also waiting and free, or was told less than
 * WAITLIST_FIRST_CHANCE_HOURS ago (the earlier waiter had the first chance). Staff and customers
 * wait in one line. The mail links to the request form — staff: the portal's, filled with the
 * slot; customers: the public page with the resource chosen — and first come, first served
 * still decides there.
 *
 * One UPDATE marks every due entry (`notified`, `notified_at`) and the mails go into the
 * outbox in the same transaction under the key `waitlist:<entry>`. Runners on several instances
 * queue behind one advisory lock, so the second sees the first's marks: each entry is told once.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db';
import { resources, users, waitlistEntries, type Locale } from '@/db/schema';
import { HOLDING_STATUSES } from '@/lib/booking/state';
import { localizedName } from '@/lib/i18n/localized';
import { mailLinks } from '@/lib/mail/links';
import type { MailPayload } from '@/lib/mail/notify';
import { enqueueEmail } from '@/lib/mail/outbox';
import { getSettings } from '@/lib/settings';

export const WAITLIST_FIRST_CHANCE_HOURS = 2;

const holdingList = sql.join(
  HOLDING_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Entries told in this run, chosen in one statement (see the module comment). */
function dueEntryIds(now: Date) {
  // Raw SQL parameters are not mapped by column type: the instant goes in as text.
  const at = now.toISOString();
  return sql`
    with wanted as (
      select w.id, w.resource_id, w.status, w.created_at, w.notified_at,
             w.start_at - make_interval(mins => r.setup_buffer_minutes) as hold_start,
             w.end_at + make_interval(mins => r.cleanup_buffer_minutes) as hold_end
        from waitlist_entries w
        join resources r on r.id = w.resource_id
       where w.status in ('waiting', 'notified') and w.start_at > ${at}::timestamptz and r.state = 'in_service'
    ),
    fitting as (
      select c.* from wanted c
       where not exists (
               select 1 from bookings b
                where b.resource_id = c.resource_id and b.holds_slot
                  and b.status in (${holdingList})
                  and b.hold_start < c.hold_end and b.hold_end > c.hold_start)
         and not exists (
               select 1 from blackouts x
                where x.resource_id = c.resource_id and x.start_at < c.hold_end and x.end_at > c.hold_start)
    )
    select f.id from fitting f
     where f.status = 'waiting'
       and not exists (
             select 1 from fitting e
              where e.resource_id = f.resource_id and e.id <> f.id
                and e.hold_start < f.hold_end and e.hold_end > f.hold_start
                and ((e.status = 'waiting' and (e.created_at, e.id) < (f.created_at, f.id))
                  or (e.status = 'notified'
                      and e.notified_at > ${at}::timestamptz - make_interval(hours => ${WAITLIST_FIRST_CHANCE_HOURS}))))`;
}

export async function notifyWaitlist(db: Db, now: Date = new Date()): Promise<{ notified: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('notify-waitlist'))`);
    const told = await tx
      .update(waitlistEntries)
      .set({ status: 'notified', notifiedAt: now })
      .where(and(eq(waitlistEntries.status, 'waiting'), sql`${waitlistEntries.id} in (${dueEntryIds(now)})`))
      .returning();
    if (told.length === 0) return { notified: 0 };

    const [people, places, settings] = await Promise.all([
      tx.select().from(users).where(inArray(users.id, [...new Set(told.flatMap((e) => (e.userId ? [e.userId] : [])))])),
      tx.select().from(resources).where(inArray(resources.id, [...new Set(told.map((e) => e.resourceId))])),
      getSettings(tx),
    ]);
    for (const entry of told) {
      const resource = places.find((r) => r.id === entry.resourceId);
      const person = entry.userId ? people.find((u) => u.id === entry.userId) : undefined;
      const recipient = person
        ? { name: person.name, email: person.email, locale: person.locale }
        : entry.contactEmail && entry.contactName && entry.locale
          ? { name: entry.contactName, email: entry.contactEmail, locale: entry.locale }
          : undefined;
      if (!recipient || !resource) continue;
      const locale: Locale = recipient.locale;
      const startAt = entry.startAt.toISOString();
      const endAt = entry.endAt.toISOString();
      const payload: MailPayload<'waitlist-slot-free'> = {
        recipientName: recipient.name,
        booking: {
          reference: '',
          resourceName: localizedName(resource, locale),
          location: resource.location,
          startAt,
          endAt,
          timeZone: settings.timeZone,
          purpose: '',
          attendees: null,
        },
        links: {
          book: person ? mailLinks.newBooking({ resourceId: resource.id, startAt, endAt }) : mailLinks.publicBooking(resource.code),
        },
      };
      await enqueueEmail(tx, {
        template: 'waitlist-slot-free',
        to: recipient.email,
        locale,
        dedupeKey: `waitlist:${entry.id}`,
        payload: payload as unknown as Record<string, unknown>,
      });
    }
    return { notified: told.length };
  });
}
