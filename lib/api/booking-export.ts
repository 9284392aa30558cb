/**
 * GET /api/v1/bookings/export.csv and export.xlsx: the register's export of the filter GET
 * /api/v1/bookings takes (without its paging), in the caller's language. One handler, two
 * formats.
 */
import { apiRoute } from './handler';
import { bookingFilterQuery, registerQueryOf } from './schemas';
import { attachment, exportRegister, type ExportFormat } from '@/lib/booking/register-export';

export function bookingExportRoute(format: ExportFormat) {
  return apiRoute(async ({ db, actor, query, locale }) => {
    const file = await exportRegister(db, actor, registerQueryOf(query(bookingFilterQuery)), format, locale);
    return new Response(file.body, {
      headers: { 'Content-Type': file.contentType, 'Content-Disposition': attachment(file.filename) },
    });
  });
}
