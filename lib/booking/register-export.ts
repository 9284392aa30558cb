/**
 * The register's exports (GET /api/v1/bookings/export.csv and .xlsx): the rows of the current
 * filter, as the role may see them, with headers, statuses and channels in the reader's
 * language and every time as the organisation's wall clock. Rows are read and written in
 * batches (register.ts `registerBatches`), so the file streams out while it is being made.
 */
import type { Db } from '@/db';
import type { Actor } from '@/lib/authz';
import { minutesInZone, dayInZone } from '@/lib/calendar/working-days';
import type { AppLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/messages';
import { getSettings } from '@/lib/settings';
import type { Cell, ExportColumn } from '@/lib/export/cells';
import { csvStream } from '@/lib/export/csv';
import { xlsxStream } from '@/lib/export/xlsx';
import { registerBatches, type RegisterQuery, type RegisterRow } from './register';

export type ExportFormat = 'csv' | 'xlsx';

/** The columns, in order: [message key, width]; times are marked for the spreadsheet's format. */
const COLUMNS = [
  ['reference', 16],
  ['status', 14],
  ['resourceCode', 10],
  ['resource', 20],
  ['type', 12],
  ['start', 17, true],
  ['end', 17, true],
  ['kind', 8],
  ['applicant', 14],
  ['department', 14],
  ['company', 20],
  ['phone', 16],
  ['email', 24],
  ['channel', 12],
  ['purpose', 30],
  ['attendees', 8],
  ['submitted', 17, true],
  ['checkedIn', 17, true],
  ['checkedOut', 17, true],
] as const;

/** An instant as a zone-less Date whose UTC fields are the organisation's wall clock. */
function wallClock(instant: Date | null, timeZone: string): Date | null {
  if (!instant) return null;
  const minutes = minutesInZone(instant, timeZone);
  const day = dayInZone(instant, timeZone);
  return new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
}

export interface RegisterExport {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/**
 * The export of a filter. Authorized before anything is read (staff: `forbidden`); customer
 * service gets the customer bookings only, as in the register.
 */
export async function exportRegister(
  db: Db,
  actor: Actor,
  query: Omit<RegisterQuery, 'after' | 'limit'>,
  format: ExportFormat,
  locale: AppLocale,
  opts: { now?: Date } = {},
): Promise<RegisterExport> {
  const batches = registerBatches(db, actor, query);
  const { timeZone } = await getSettings(db);
  const t = translator(locale) as (key: string) => string;
  const tStatus = (status: string) => t(`status.${status}`);
  const tChannel = (channel: string) => t(`channel.${channel}`);
  const columns: ExportColumn[] = COLUMNS.map(([key, width, time]) => ({ header: t(`register.columns.${key}`), width, time }));
  const toRow = (b: RegisterRow): Cell[] => [
    b.reference,
    tStatus(b.status),
    b.resourceCode,
    localizedName({ nameZh: b.resourceNameZh, nameEn: b.resourceNameEn }, locale),
    localizedName({ nameZh: b.typeNameZh, nameEn: b.typeNameEn }, locale),
    wallClock(b.startAt, timeZone),
    wallClock(b.endAt, timeZone),
    t(`register.kind.${b.requesterKind}`),
    b.contactName,
    b.departmentNameZh === null ? null : localizedName({ nameZh: b.departmentNameZh, nameEn: b.departmentNameEn ?? '' }, locale),
    b.company,
    b.contactPhone,
    b.contactEmail,
    tChannel(b.channel),
    b.purpose,
    b.attendees,
    wallClock(b.submittedAt, timeZone),
    wallClock(b.checkedInAt, timeZone),
    wallClock(b.checkedOutAt, timeZone),
  ];
  const rows = (async function* () {
    for await (const batch of batches) yield batch.map(toRow);
  })();
  const stamp = dayInZone(opts.now ?? new Date(), timeZone);
  const filename = `${t('register.fileName')}-${stamp}.${format}`;
  return format === 'csv'
    ? { body: csvStream(columns, rows), contentType: 'text/csv; charset=utf-8', filename }
    : {
        body: xlsxStream(t('register.sheetName'), columns, rows),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename,
      };
}

/** `Content-Disposition` for a file name that may be Chinese (RFC 6266: an ASCII fallback and `filename*`). */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
