/** GET /api/v1/bookings/export.csv — the register's filter as CSV (UTF-8 with BOM). */
import { bookingExportRoute } from '@/lib/api/booking-export';

export const dynamic = 'force-dynamic';

export const GET = bookingExportRoute('csv');
