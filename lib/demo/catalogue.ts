/**
 * The demo organisation: departments, resource types and resources, in Chinese with English
 * names, as a building-materials company would have them.
 */
import type { ChecklistItem, resources } from '@/db/schema';

export const DEPARTMENTS = [
  { code: 'ADM', nameZh: '行政部', nameEn: 'Administration', email: 'admin@example.com' },
  { code: 'CS', nameZh: '客户服务部', nameEn: 'Customer Service', email: 'service@example.com' },
  { code: 'SALES', nameZh: '销售部', nameEn: 'Sales', email: null },
  { code: 'TECH', nameZh: '技术部', nameEn: 'Engineering', email: null },
  { code: 'WH', nameZh: '仓储部', nameEn: 'Warehousing', email: null },
];

export const RESOURCE_TYPES = [
  { code: 'meeting_room', nameZh: '会议室', nameEn: 'Meeting room', sortOrder: 1 },
  { code: 'showroom', nameZh: '展厅', nameEn: 'Showroom', sortOrder: 2 },
  { code: 'sample_warehouse', nameZh: '样品库', nameEn: 'Sample warehouse', sortOrder: 3 },
  { code: 'large_equipment', nameZh: '大型设备', nameEn: 'Large equipment', sortOrder: 4 },
];

/**
 * Per resource type: whether a booking must be checked in (no-show release), and the return
 * checklist at check-out. Equipment and the sample warehouse are fetched and returned rather
 * than sat in, so nobody is released for not checking in there. Migration 0003 gives existing
 * demo resources the same values.
 */
export const VISIT_DEFAULTS: Record<string, { requiresCheckIn: boolean; checklist: ChecklistItem[] }> = {
  meeting_room: {
    requiresCheckIn: true,
    checklist: [
      { key: 'projector_off', label: { zh: '关闭投影仪和屏幕', en: 'Projector and screens switched off' } },
      { key: 'whiteboard_wiped', label: { zh: '擦净白板', en: 'Whiteboard wiped' } },
      { key: 'tidied', label: { zh: '桌椅归位、垃圾清理', en: 'Tables and chairs back, rubbish cleared' } },
    ],
  },
  showroom: {
    requiresCheckIn: true,
    checklist: [
      { key: 'samples_back', label: { zh: '样品归位', en: 'Samples back in place' } },
      { key: 'exhibits_intact', label: { zh: '展品完好无损', en: 'Exhibits intact' } },
      { key: 'lights_off', label: { zh: '关闭灯光与讲解屏', en: 'Lights and display screen off' } },
    ],
  },
  sample_warehouse: {
    requiresCheckIn: false,
    checklist: [
      { key: 'samples_back', label: { zh: '样品归位', en: 'Samples back in place' } },
      { key: 'samples_logged', label: { zh: '取用样品已登记', en: 'Samples taken signed out' } },
    ],
  },
  large_equipment: {
    requiresCheckIn: false,
    checklist: [
      { key: 'equipment_returned', label: { zh: '设备归还', en: 'Equipment returned' } },
      { key: 'powered_down', label: { zh: '关机或充电', en: 'Switched off or on charge' } },
      { key: 'cleaned', label: { zh: '清洁完毕', en: 'Cleaned' } },
    ],
  },
};

export type ResourceSeed = Omit<typeof resources.$inferInsert, 'typeId'> & { type: string };

export const RESOURCES: ResourceSeed[] = [
  {
    code: 'MR-301', type: 'meeting_room', nameZh: '301 会议室', nameEn: 'Meeting Room 301', location: '总部 3 楼', locationEn: 'HQ, 3rd floor',
    capacity: 12, facilities: ['投影仪', '视频会议', '白板'], facilitiesEn: ['Projector', 'Video conferencing', 'Whiteboard'], customerBookable: true, responsibleName: '王行政',
    notesZh: '请在会议结束后关闭投影仪并擦净白板。', notesEn: 'Please switch off the projector and wipe the whiteboard after the meeting.',
  },
  {
    code: 'MR-302', type: 'meeting_room', nameZh: '302 会议室', nameEn: 'Meeting Room 302', location: '总部 3 楼', locationEn: 'HQ, 3rd floor',
    capacity: 8, facilities: ['电视屏', '白板'], facilitiesEn: ['TV screen', 'Whiteboard'], responsibleName: '王行政',
    notesZh: '室内禁止饮食。', notesEn: 'No food or drinks in the room.',
  },
  {
    code: 'MR-501', type: 'meeting_room', nameZh: '501 洽谈室', nameEn: 'Negotiation Room 501', location: '总部 5 楼', locationEn: 'HQ, 5th floor',
    capacity: 6, facilities: ['电视屏', '茶水'], facilitiesEn: ['TV screen', 'Tea service'], customerBookable: true, responsibleName: '李客服',
    notesZh: '接待客户请提前 10 分钟到场准备。', notesEn: 'Hosts please arrive 10 minutes early to prepare.',
  },
  {
    code: 'MR-601', type: 'meeting_room', nameZh: '601 大会议室', nameEn: 'Boardroom 601', location: '总部 6 楼', locationEn: 'HQ, 6th floor',
    capacity: 30, facilities: ['投影仪', '视频会议', '音响', '白板'], facilitiesEn: ['Projector', 'Video conferencing', 'Sound system', 'Whiteboard'], setupBufferMinutes: 15, cleanupBufferMinutes: 15,
    responsibleName: '王行政', notesZh: '音响设备使用后请交还行政部。', notesEn: 'Return the sound equipment to Administration after use.',
  },
  {
    code: 'SR-101', type: 'showroom', nameZh: '产品展厅', nameEn: 'Product Showroom', location: '总部 1 楼', locationEn: 'HQ, 1st floor',
    capacity: 40, facilities: ['样板墙', '灯光控制', '讲解屏'], facilitiesEn: ['Sample wall', 'Lighting control', 'Presentation screen'], customerBookable: true, opensAt: '09:00', closesAt: '17:30',
    setupBufferMinutes: 30, cleanupBufferMinutes: 30, maxDurationMinutes: 240, responsibleName: '李客服',
    notesZh: '参观请穿平底鞋；展品请勿踩踏或敲击。', notesEn: 'Wear flat shoes; do not step on or knock the exhibits.',
  },
  {
    code: 'SW-B1', type: 'sample_warehouse', nameZh: '样品库', nameEn: 'Sample Warehouse', location: '仓库 B 区', locationEn: 'Warehouse, Zone B',
    capacity: 6, facilities: ['样品架', '取样工具'], facilitiesEn: ['Sample racks', 'Sampling tools'], customerBookable: true, setupBufferMinutes: 15, cleanupBufferMinutes: 15,
    maxDurationMinutes: 180, responsibleName: '仓储部值班员',
    notesZh: '取用样品须登记；离开前请归位。', notesEn: 'Sign out every sample you take; put samples back before leaving.',
  },
  {
    code: 'EQ-01', type: 'large_equipment', nameZh: '万能材料试验机', nameEn: 'Universal Materials-Testing Machine',
    location: '检测中心 1 号实验室', locationEn: 'Testing Centre, Lab 1', capacity: 3, facilities: ['300 kN', '引伸计'], facilitiesEn: ['300 kN', 'Extensometer'], setupBufferMinutes: 30,
    cleanupBufferMinutes: 30, maxDurationMinutes: 240, assetNumber: 'ZC-2021-0012', model: 'WDW-300E',
    responsibleName: '陈技术', notesZh: '须经培训持证操作；试验前检查夹具。', notesEn: 'Trained, certified operators only; check the grips before testing.',
  },
  {
    code: 'EQ-02', type: 'large_equipment', nameZh: '电动叉车', nameEn: 'Electric Forklift', location: '仓库 A 区', locationEn: 'Warehouse, Zone A',
    capacity: 1, facilities: ['3 吨'], facilitiesEn: ['3 t'], cleanupBufferMinutes: 15, maxDurationMinutes: 240, assetNumber: 'ZC-2022-0045',
    model: 'CPD30', responsibleName: '仓储部值班员', notesZh: '持叉车证操作；用后充电。', notesEn: 'Licensed drivers only; put it on charge after use.',
  },
];
