/**
 * E-mails to the department that owns rectification items: when an item is assigned to it and
 * once when it is overdue. The recipients are the department's active contacts (users with the
 * department-contact flag); a department without any is written to at its own address. Set-based
 * for the overdue job: items, recipients and outbox rows take a few statements per chunk of
 * items, whatever their number. The dedupe key names the item, the occasion and the address, so
 * a second run or a second instance queues nothing new.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';
import { chunks } from '@/db/chunks';
import { departments, rectifications, resources, users, type Locale } from '@/db/schema';
import { localizedName } from '@/lib/i18n/localized';
import { absoluteUrl } from '@/lib/mail/config';
import { enqueueEmails, type OutboxEntry } from '@/lib/mail/outbox';

export type OwnerMailReason = 'assigned' | 'overdue';

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
}

/** Queues `reason` for each item to its owner department; returns how many mails were new. */
export async function mailOwners(tx: Db, reason: OwnerMailReason, itemIds: readonly string[]): Promise<number> {
  let queued = 0;
  for (const ids of chunks(itemIds)) {
    const items = await tx
      .select({ item: rectifications, department: departments, resource: resources })
      .from(rectifications)
      .innerJoin(departments, eq(departments.id, rectifications.ownerDepartmentId))
      .leftJoin(resources, eq(resources.id, rectifications.resourceId))
      .where(inArray(rectifications.id, ids));
    const recipients = await ownerRecipients(tx, [...new Set(items.map((r) => r.department.id))]);
    const entries: OutboxEntry[] = items.flatMap(({ item, department, resource }) =>
      (recipients.get(department.id) ?? []).map((to) => ({
        template: 'rectification',
        to: to.email,
        locale: to.locale,
        dedupeKey: `rectification:${item.id}:${reason}:${reason === 'assigned' ? department.id : item.dueDate}:${to.email.toLowerCase()}`,
        payload: {
          recipientName: to.name,
          reason,
          subjectValues: { reason, title: item.title },
          item: {
            title: item.title,
            description: item.description,
            department: localizedName(department, to.locale),
            resource: resource ? `${localizedName(resource, to.locale)} (${resource.code})` : null,
            dueDate: item.dueDate,
          },
          links: { view: absoluteUrl(`/rectifications/${item.id}`) },
        },
      })),
    );
    queued += await enqueueEmails(tx, entries);
  }
  return queued;
}

/** Each department's active contacts, or the department's own address when it has none. */
async function ownerRecipients(tx: Db, departmentIds: string[]): Promise<Map<string, Recipient[]>> {
  if (departmentIds.length === 0) return new Map();
  const contact = alias(users, 'contact');
  const rows = await tx
    .select({ department: departments, contact: { email: contact.email, name: contact.name, locale: contact.locale } })
    .from(departments)
    .leftJoin(contact, and(eq(contact.departmentId, departments.id), eq(contact.isDepartmentContact, true), eq(contact.active, true)))
    .where(inArray(departments.id, departmentIds));
  const byDepartment = new Map<string, Recipient[]>();
  for (const { department, contact: person } of rows) {
    const list = byDepartment.get(department.id) ?? [];
    if (person) list.push(person);
    else if (department.email) list.push({ email: department.email, name: department.nameZh, locale: 'zh' });
    byDepartment.set(department.id, list);
  }
  return byDepartment;
}
