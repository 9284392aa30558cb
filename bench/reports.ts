/**
 * The reports page's statements at scale, each beside its floor in the same run (same driver,
 * postgres-js): one hand-written scan of the bookings starting in the same four weeks, the
 * least any figure over that period has to read. Then the whole page over HTTP at 200
 * resources against the 10-resource twin, with the statements it sends.
 */
import { loadReport } from '@/lib/reports/report';
import { REPORT_SECTIONS } from '@/lib/reports/sections';
import { dayInZone } from '@/lib/calendar/working-days';
import type { BenchApp, BenchContext, BenchRow, Fixture } from './context';
import { interleave, latencyRow, p95Figure } from './stats';

const DAY = 86_400_000;

/** The four weeks before the fixture's first future week: past bookings on every resource. */
function period(f: Fixture): { from: string; to: string; start: Date; end: Date } {
  const start = new Date(f.weekStart.getTime() - 28 * DAY);
  return { from: dayInZone(start, f.timeZone), to: dayInZone(new Date(f.weekStart.getTime() - DAY), f.timeZone), start, end: f.weekStart };
}

/** The floor: every booking starting in the period, read once and summed. */
function bareScan(f: Fixture, start: Date, end: Date) {
  return f.sql`
    SELECT resource_id, count(*) AS n, sum(extract(epoch FROM end_at - start_at)) AS seconds
      FROM bookings WHERE start_at >= ${start} AND start_at < ${end}
     GROUP BY resource_id`;
}

export async function benchReports(ctx: BenchContext): Promise<BenchRow[]> {
  const { main } = ctx;
  const { from, to, start, end } = period(main);
  const admin = main.actors.admin;
  const n = ctx.samples;
  const rows: BenchRow[] = [];
  const [{ inPeriod }] = await main.sql<{ inPeriod: number }[]>`
    SELECT count(*)::int AS "inPeriod" FROM bookings WHERE start_at >= ${start} AND start_at < ${end}`;

  const { scope } = await loadReport(main.db, admin, { from, to });
  for (const section of REPORT_SECTIONS) {
    const timed = await interleave(n, { app: () => section.load(main.db, scope), floor: () => bareScan(main, start, end) });
    rows.push(latencyRow(`report ${section.id}, ${main.resources.length} resources × 4 weeks`, timed.app, timed.floor, { maxRatio: 4 }));
  }
  // The page runs every section at once, as here.
  const whole = await interleave(n, { app: () => loadReport(main.db, admin, { from, to }), floor: () => bareScan(main, start, end) });
  rows.push(
    latencyRow(`loadReport, all ${REPORT_SECTIONS.length} sections`, whole.app, whole.floor, {
      maxRatio: 4 * REPORT_SECTIONS.length,
      note: `${inPeriod.toLocaleString('en')} bookings in the period`,
    }),
  );

  if (ctx.app) rows.push(await pageRow(ctx, ctx.app.main, ctx.app.twin, `/admin/reports?from=${from}&to=${to}`));
  else ctx.log('no build (.next/BUILD_ID): the reports page over HTTP skipped; `npm run build` first');
  return rows;
}

/** Time to first byte of the page, 200 resources against 10, and the statements each request sends. */
async function pageRow(ctx: BenchContext, app: BenchApp, twin: BenchApp, path: string): Promise<BenchRow> {
  const admin = 'admin@example.com';
  const headers = async (server: BenchApp) => ({ cookie: await server.cookieFor(admin) });
  const firstByte = async (server: BenchApp) => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: await headers(server), redirect: 'manual' });
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
    return async () => void (await res.arrayBuffer());
  };
  const statements = async (server: BenchApp) => {
    const signedIn = await headers(server);
    return server.countStatements(async (baseUrl) => (await fetch(`${baseUrl}${path}`, { headers: signedIn })).arrayBuffer());
  };
  const timed = await interleave(ctx.samples, { main: () => firstByte(app), twin: () => firstByte(twin) });
  const counts = { main: await statements(app), twin: await statements(twin) };
  const a = p95Figure(timed.main);
  const f = p95Figure(timed.twin);
  const ratio = a.value / f.value;
  // The twin has as many bookings per resource over the period, so 20× the resources is 20× the rows.
  return {
    path: `TTFB /admin/reports, ${ctx.main.resources.length} vs ${ctx.twin.resources.length} resources`,
    app: a,
    floor: f,
    ratio,
    goal: 'same statements',
    met: counts.main === counts.twin,
    samples: timed.main.length,
    note: `statements ${counts.main} vs ${counts.twin}`,
  };
}
