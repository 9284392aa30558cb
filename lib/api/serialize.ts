/**
 * Domain rows → the API's answer shapes (schemas.ts). Explicit field lists: a column added to
 * the database does not appear in the API by accident, and internal columns (hold ranges, who
 * typed a request in, who checked in or out) stay out.
 */
import type { Booking, ChangeRequest } from '@/db/schema';
import type { BookingDetail, ResourceWithType } from '@/lib/booking/queries';
import type { RegisterRow } from '@/lib/booking/register';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedFacilities, localizedLocation, localizedName, localizedNotes } from '@/lib/i18n/localized';
import type { PublicResource } from '@/lib/customer/public';
import type { ApiPublicResource } from './public-schemas';
import type { ApiBooking, ApiBookingDetail, ApiBookingListItem, ApiChangeRequest, ApiResource } from './schemas';

const iso = (date: Date) => date.toISOString();

/** One text of a row in both languages, each as the pages show it (English falls back to Chinese). */
function bilingual<R, T>(row: R, pick: (row: R, locale: AppLocale) => T): { zh: T; en: T } {
  return { zh: pick(row, 'zh'), en: pick(row, 'en') };
}
const bilingualName = (row: { nameZh: string; nameEn: string }) => bilingual(row, localizedName);

/** A resource's name, location, facilities and notes in both languages (the ledger's and the public answer). */
export function bilingualTexts(r: Parameters<typeof localizedLocation>[0] & Parameters<typeof localizedFacilities>[0] & Parameters<typeof localizedName>[0] & Parameters<typeof localizedNotes>[0]) {
  return {
    name: bilingualName(r),
    location: bilingual(r, localizedLocation),
    facilities: bilingual(r, localizedFacilities),
    notes: bilingual(r, localizedNotes),
  };
}
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toApiResource(r: ResourceWithType): ApiResource {
  return {
    id: r.id,
    code: r.code,
    ...bilingualTexts(r),
    type: { id: r.type.id, code: r.type.code, name: bilingualName(r.type) },
    capacity: r.capacity,
    responsibleName: r.responsibleName,
    customerBookable: r.customerBookable,
    state: r.state,
    hours: { opensAt: r.opensAt, closesAt: r.closesAt, workingDaysOnly: r.workingDaysOnly },
    maxDurationMinutes: r.maxDurationMinutes,
    setupBufferMinutes: r.setupBufferMinutes,
    cleanupBufferMinutes: r.cleanupBufferMinutes,
    assetNumber: r.assetNumber,
    model: r.model,
    requiresCheckIn: r.requiresCheckIn,
    checklist: r.checklist,
  };
}

export function toApiBooking(b: Booking): ApiBooking {
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    resourceId: b.resourceId,
    startAt: iso(b.startAt),
    endAt: iso(b.endAt),
    purpose: b.purpose,
    attendees: b.attendees,
    phone: b.contactPhone,
    specialNeeds: b.specialNeeds,
    requesterKind: b.requesterKind,
    requesterUserId: b.requesterUserId,
    contactName: b.contactName,
    contactEmail: b.contactEmail,
    company: b.company,
    departmentId: b.departmentId,
    channel: b.channel,
    priority: b.priority,
    holdsSlot: b.holdsSlot,
    reviewOpinion: b.reviewOpinion,
    statusReason: b.statusReason,
    infoRequest: b.infoRequest,
    approvedAt: isoOrNull(b.approvedAt),
    confirmDeadline: isoOrNull(b.confirmDeadline),
    confirmedAt: isoOrNull(b.confirmedAt),
    submittedAt: iso(b.submittedAt),
    updatedAt: iso(b.updatedAt),
    version: b.version,
    checkedInAt: isoOrNull(b.checkedInAt),
    checkedOutAt: isoOrNull(b.checkedOutAt),
    notCheckedOut: b.notCheckedOut,
    checkOut:
      b.checkoutCondition && b.checkoutChecklist
        ? { checklist: b.checkoutChecklist, condition: b.checkoutCondition, notes: b.checkoutNotes }
        : null,
    inspection: b.inspectionResult && b.inspectedAt ? { result: b.inspectionResult, notes: b.inspectionNote, at: iso(b.inspectedAt) } : null,
  };
}

export function toApiBookingListItem(b: RegisterRow): ApiBookingListItem {
  return {
    id: b.id,
    reference: b.reference,
    status: b.status,
    requesterKind: b.requesterKind,
    channel: b.channel,
    contactName: b.contactName,
    company: b.company,
    departmentId: b.departmentId,
    purpose: b.purpose,
    resourceId: b.resourceId,
    resourceCode: b.resourceCode,
    resourceNameZh: b.resourceNameZh,
    resourceNameEn: b.resourceNameEn,
    startAt: iso(b.startAt),
    endAt: iso(b.endAt),
    confirmDeadline: isoOrNull(b.confirmDeadline),
    submittedAt: iso(b.submittedAt),
  };
}

export function toApiChangeRequest(c: ChangeRequest): ApiChangeRequest {
  return {
    id: c.id,
    bookingId: c.bookingId,
    status: c.status,
    resourceId: c.newResourceId,
    startAt: iso(c.newStartAt),
    endAt: iso(c.newEndAt),
    reason: c.reason,
    requestedAt: iso(c.createdAt),
  };
}

export function toApiBookingDetail(d: BookingDetail): ApiBookingDetail {
  return {
    booking: toApiBooking(d.booking),
    resource: {
      id: d.resource.id,
      code: d.resource.code,
      name: bilingualName(d.resource),
      location: bilingual(d.resource, localizedLocation),
      notes: bilingual(d.resource, localizedNotes),
      typeCode: d.resourceType.code,
    },
    checklist: d.resource.checklist,
    requester: d.requester && {
      id: d.requester.id,
      name: d.requester.name,
      email: d.requester.email,
      phone: d.requester.phone,
    },
    department: d.department && {
      id: d.department.id,
      code: d.department.code,
      nameZh: d.department.nameZh,
      nameEn: d.department.nameEn,
    },
    events: d.events.map((e) => ({
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      note: e.note,
      at: iso(e.createdAt),
    })),
    coordination: d.coordination.map((c) => ({
      id: c.id,
      departmentId: c.departmentId,
      departmentNameZh: c.department.nameZh,
      departmentNameEn: c.department.nameEn,
      message: c.message,
      answer: c.answer,
      comment: c.comment,
      answeredByName: c.answeredByName,
      answeredAt: isoOrNull(c.answeredAt),
    })),
    ...(d.conflicts && {
      conflicts: d.conflicts.map((c) => ({
        kind: c.kind,
        id: c.id,
        reference: c.reference,
        startAt: iso(c.startAt),
        endAt: iso(c.endAt),
      })),
    }),
    ...(d.alternatives && {
      alternatives: d.alternatives.map(({ resourceId, startAt, endAt }) => ({ resourceId, startAt, endAt })),
    }),
    pendingChange: d.pendingChange && pendingChangeOf(toApiChangeRequest(d.pendingChange)),
  };
}

function pendingChangeOf({ id, resourceId, startAt, endAt, reason, requestedAt }: ApiChangeRequest) {
  return { id, resourceId, startAt, endAt, reason, requestedAt };
}

/** A customer-bookable resource as GET /api/v1/public/resources answers it. */
export function toApiPublicResource(r: PublicResource): ApiPublicResource {
  return {
    id: r.id,
    code: r.code,
    ...bilingualTexts(r),
    type: { code: r.type.code, name: bilingualName(r.type) },
    capacity: r.capacity,
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    workingDaysOnly: r.workingDaysOnly,
    maxDurationMinutes: r.maxDurationMinutes,
    setupBufferMinutes: r.setupBufferMinutes,
    cleanupBufferMinutes: r.cleanupBufferMinutes,
  };
}
