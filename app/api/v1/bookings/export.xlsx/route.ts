/** GET /api/v1/bookings/export.xlsx — the register's filter as an Excel workbook. */
import { bookingExportRoute } from '@/lib/api/booking-export';

export const dynamic = 'force-dynamic';

export const GET = bookingExportRoute('xlsx');
