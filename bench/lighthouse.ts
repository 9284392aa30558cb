/**
 * Lighthouse's mobile run (its default: a mid-range phone, slow 4G, CPU slowed 4×) of `/book`
 * against an empty page of the same build (an address no route knows: the public header and
 * nothing else), interleaved, the median of each. Goals: LCP ≤ 1.3× the empty page's, TBT ≤ 200
 * ms, CLS ≤ 0.1. Lighthouse drives the system's Chromium (CHROME_PATH, default
 * /usr/bin/chromium) and downloads nothing. Slow (about a minute a run on a loaded machine), so
 * not part of the CI smoke; on a busy machine TBT is inflated with the CPU slowdown, the LCP
 * ratio much less.
 *
 *   npx tsx bench/lighthouse.ts http://127.0.0.1:3000 [runs]   # against a running `next start`
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchContext, BenchRow } from './context';
import { runIfMain } from './write-kit';

const run = promisify(execFile);

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Vitals {
  lcp: number;
  tbt: number;
  cls: number;
  /** Lighthouse's measure of the host's CPU at the time (a mid-tier phone is ~1,000): low when the machine is busy. */
  benchmarkIndex: number;
}

async function measure(url: string): Promise<Vitals> {
  const dir = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const report = join(dir, 'report.json');
  try {
    await run(
      'node_modules/.bin/lighthouse',
      // The empty page is a 404 (no route): measured all the same.
      [url, '--quiet', '--ignore-status-code', '--only-categories=performance', '--output=json', `--output-path=${report}`, `--chrome-flags=${CHROME_FLAGS.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 64 << 20 },
    );
    const { audits, runtimeError, environment } = JSON.parse(await readFile(report, 'utf8')) as {
      audits: Record<string, { numericValue: number }>;
      runtimeError?: { message: string };
      environment: { benchmarkIndex: number };
    };
    if (runtimeError) throw new Error(`lighthouse ${url}: ${runtimeError.message}`);
    return {
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      benchmarkIndex: environment.benchmarkIndex,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchLighthouse(baseUrl: string, runs = 3): Promise<BenchRow[]> {
  const book: Vitals[] = [];
  const empty: Vitals[] = [];
  for (let i = 0; i < runs; i++) {
    empty.push(await measure(new URL('/bench-empty-page', baseUrl).href));
    book.push(await measure(new URL('/book', baseUrl).href));
  }
  const of = (list: Vitals[], key: keyof Vitals) => median(list.map((v) => v[key]));
  const lcp = of(book, 'lcp');
  const emptyLcp = of(empty, 'lcp');
  const tbt = of(book, 'tbt');
  const cls = of(book, 'cls');
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    {
      path: '/book Lighthouse mobile: LCP',
      app: { value: lcp, text: `median ${ms(lcp)}` },
      floor: { value: emptyLcp, text: `empty page ${ms(emptyLcp)}` },
      ratio: lcp / emptyLcp,
      goal: '≤ 1.3×',
      met: lcp / emptyLcp <= 1.3,
      samples: runs,
    },
    {
      path: '/book Lighthouse mobile: TBT',
      app: { value: tbt, text: `median ${ms(tbt)}` },
      floor: { value: of(empty, 'tbt'), text: `empty page ${ms(of(empty, 'tbt'))}` },
      ratio: null,
      goal: '≤ 200 ms',
      met: tbt <= 200,
      samples: runs,
      note: `CPU slowed 4× on a host of benchmarkIndex ${Math.round(of([...book, ...empty], 'benchmarkIndex'))} (inflated when the machine is busy)`,
    },
    {
      path: '/book Lighthouse mobile: CLS',
      app: { value: cls, text: `median ${cls.toFixed(3)}` },
      floor: { value: of(empty, 'cls'), text: `empty page ${of(empty, 'cls').toFixed(3)}` },
      ratio: null,
      goal: '≤ 0.1',
      met: cls <= 0.1,
      samples: runs,
    },
  ];
}

/** As a module of `npm run bench` (not under --smoke: a minute a run): needs the build. */
export async function benchLighthouseModule(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.app || ctx.smoke) {
    ctx.log(`lighthouse: skipped (${ctx.smoke ? 'smoke run' : 'no build'})`);
    return [];
  }
  return benchLighthouse(ctx.app.main.baseUrl);
}

runIfMain(import.meta.url, () => benchLighthouse(process.argv[2] ?? 'http://127.0.0.1:3000', Number(process.argv[3] ?? 3)));
