/**
 * The benchmark at real scale (issue: 200 resources, a million past bookings): builds the
 * fixture (bench/fixture.ts) and its 10-resource twin in scratch databases on
 * BENCH_DATABASE_URL's server, starts the built app on each when a build exists, runs every
 * module's paths beside their bare-PostgreSQL floors and prints one table.
 *
 *   npm run bench                       # full size
 *   npm run bench -- --smoke            # tiny fixture, a few samples (CI)
 *   npm run bench -- --only reads       # some modules
 *   npm run bench -- workflow [driver]  # the workflow figures on demo data (bench/workflow.ts)
 *
 * A module is `(ctx: BenchContext) => Promise<BenchRow[]>` (bench/context.ts), listed below.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { hasBuild, startApp } from './app-server';
import type { BenchContext, BenchRow } from './context';
import { buildFixture, dropFixture } from './fixture';
import { benchJobs } from './jobs';
import { benchLighthouseModule } from './lighthouse';
import { runInOwnProcess } from './own-process';
import { benchPageWeightModule } from './page-weight';
import { benchReads } from './reads';
import { benchRegister } from './register';
import { benchReports } from './reports';
import { benchSeriesFeeds, SERIES_FEEDS_SIZE, SERIES_FEEDS_SMOKE } from './series-feeds';
import { formatTable } from './table';
import { benchWeekView } from './week-view';
import { runWorkflow } from './workflow';
import { benchWriteHttp } from './write-http';
import { benchWritePath } from './write-path';
import { withScratchDatabase } from './write-kit';

const MODULES: Record<string, (ctx: BenchContext) => Promise<BenchRow[]>> = {
  reads: benchReads,
  register: benchRegister,
  reports: benchReports,
  // The write side builds its own rows on the demo data, in scratch databases of its own.
  writes: (ctx) => withScratchDatabase('write_path', (bench) => benchWritePath(bench, ctx.smoke ? 3 : 25)),
  // The staff request over HTTP, on the main fixture's free weeks (only with a build).
  'write-http': benchWriteHttp,
  // In its own process: its resident memory is a goal, and this process carries the other modules' heap.
  contention: (ctx) => runInOwnProcess('bench/contention.ts', [String(ctx.smoke ? 2 : 200)]),
  jobs: (ctx) => withScratchDatabase('jobs', (bench) => benchJobs(bench, ctx.smoke ? 200 : 10_000)),
  // Issue #9: a 52-date series previewed and submitted, a feed of 10,000 bookings.
  'series-feeds': (ctx) =>
    withScratchDatabase('series_feeds', (bench) => benchSeriesFeeds(bench, ctx.smoke ? SERIES_FEEDS_SMOKE : SERIES_FEEDS_SIZE)),
  // The built /book page's JavaScript (only with a build).
  'page-weight': benchPageWeightModule,
  // Lighthouse mobile on /book against an empty page (skipped under --smoke: slow).
  lighthouse: benchLighthouseModule,
  // /calendar's week with every resource drawn in a cold headless Chromium (only with a build).
  'week-view': benchWeekView,
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { smoke: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});

if (positionals[0] === 'workflow') {
  await runWorkflow(positionals[1]);
} else {
  await runScale(values.smoke, values.only);
}

async function runScale(smoke: boolean, only: string[] | undefined): Promise<void> {
  const started = Date.now();
  const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${message}`);
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Two checkouts benchmarking on one server would drop each other's fixtures: BENCH_DATABASE_SUFFIX keeps them apart.
  const suffix = process.env.BENCH_DATABASE_SUFFIX ? `_${process.env.BENCH_DATABASE_SUFFIX.replace(/\W/g, '')}` : '';
  const names = { main: `booking_bench_main${suffix}`, twin: `booking_bench_twin${suffix}` };
  const main = await buildFixture(adminUrl, { name: names.main, resources: smoke ? 30 : 200, pastPerResource: smoke ? 100 : 5000 }, log);
  const twin = await buildFixture(adminUrl, { name: names.twin, resources: 10, pastPerResource: smoke ? 100 : 5000 }, log);
  const port = Number(process.env.BENCH_PORT ?? 3211);
  const servers = hasBuild()
    ? await Promise.all([startApp(main.url, { timed: port, counted: port + 2 }), startApp(twin.url, { timed: port + 1, counted: port + 3 })])
    : null;
  if (servers) log(`app servers on ${servers.map((s) => s.baseUrl).join(', ')}`);
  const ctx: BenchContext = {
    main,
    twin,
    app: servers && { main: servers[0], twin: servers[1] },
    smoke,
    samples: smoke ? 5 : 60,
    log,
  };
  const rows: BenchRow[] = [];
  const failed: string[] = [];
  try {
    for (const [name, run] of Object.entries(MODULES)) {
      if (only && !only.includes(name)) continue;
      log(`module ${name}`);
      try {
        rows.push(...(await run(ctx)));
      } catch (error) {
        // One broken module must not cost the figures of the others (a full run takes a while):
        // it prints as a failed row, and the run exits non-zero (the CI smoke fails on it).
        console.error(error);
        failed.push(name);
        const message = error instanceof Error ? error.message : String(error);
        rows.push({ path: `${name}: failed (${message.slice(0, 80)})`, app: { text: '—', value: 0 }, floor: null, ratio: null, goal: 'runs', met: false, samples: 0 });
      }
    }
  } finally {
    await Promise.all(servers?.map((s) => s.stop()) ?? []);
    await dropFixture(adminUrl, main, names.main);
    await dropFixture(adminUrl, twin, names.twin);
  }
  console.log(`\n${formatTable(rows)}\n`);
  const missed = rows.filter((r) => !r.met).length;
  console.log(
    `${rows.length - missed}/${rows.length} goals met; ${cpus().length} cores; ` +
      `${main.resources.length} resources, ${main.pastBookings.toLocaleString('en')} past bookings; ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (failed.length > 0) {
    console.error(`modules that failed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}
