/** A resource as the editor's text fields show it (the inverse of resource-schema.ts). */
import type { Resource } from '@/db/schema';
import { pairsToLines } from './resource-schema';

export function editorValues(resource: Resource) {
  return {
    code: resource.code,
    nameZh: resource.nameZh,
    nameEn: resource.nameEn,
    typeId: resource.typeId,
    location: resource.location,
    locationEn: resource.locationEn,
    capacity: String(resource.capacity),
    opensAt: resource.opensAt.slice(0, 5),
    closesAt: resource.closesAt.slice(0, 5),
    workingDaysOnly: resource.workingDaysOnly,
    setupBufferMinutes: String(resource.setupBufferMinutes),
    cleanupBufferMinutes: String(resource.cleanupBufferMinutes),
    maxDurationMinutes: String(resource.maxDurationMinutes),
    customerBookable: resource.customerBookable,
    requiresCheckIn: resource.requiresCheckIn,
    facilities: pairsToLines(resource.facilities.map((zh, i) => ({ zh, en: resource.facilitiesEn[i] ?? '' }))),
    checklist: pairsToLines(resource.checklist.map((item) => item.label)),
    notesZh: resource.notesZh,
    notesEn: resource.notesEn,
    responsibleName: resource.responsibleName,
    assetNumber: resource.assetNumber ?? '',
    model: resource.model ?? '',
  };
}

/** A new resource's starting values: the schema's defaults, nothing chosen. */
export const NEW_RESOURCE_VALUES = {
  code: '',
  nameZh: '',
  nameEn: '',
  typeId: '',
  location: '',
  locationEn: '',
  capacity: '10',
  opensAt: '08:30',
  closesAt: '18:00',
  workingDaysOnly: true,
  setupBufferMinutes: '0',
  cleanupBufferMinutes: '0',
  maxDurationMinutes: '480',
  customerBookable: false,
  requiresCheckIn: false,
  facilities: '',
  checklist: '',
  notesZh: '',
  notesEn: '',
  responsibleName: '',
  assetNumber: '',
  model: '',
};
