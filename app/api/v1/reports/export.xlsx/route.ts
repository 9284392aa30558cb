/**
 * GET /api/v1/reports/export.xlsx?from=&to=[&section=] — the reports' tables as an Excel
 * workbook, one sheet per section (or the one asked for), in the caller's language (admin).
 */
import { apiRoute } from '@/lib/api/handler';
import { loadReport, renderReport, reportView } from '@/lib/reports/report';
import { reportWorkbook } from '@/lib/reports/xlsx';

export const dynamic = 'force-dynamic';

export const GET = apiRoute(async ({ db, actor, req, locale }) => {
  const params = new URL(req.url).searchParams;
  const report = await loadReport(db, actor, { from: params.get('from'), to: params.get('to') }, params.get('section') ?? undefined);
  const sections = renderReport(report, reportView(locale));
  const { fromDay, toDay } = report.scope;
  const body = await reportWorkbook(sections, `${fromDay} – ${toDay}`);
  const name = `report-${fromDay}-${toDay}${sections.length === 1 ? `-${sections[0].id}` : ''}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${name}"`,
    },
  });
});
