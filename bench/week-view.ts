/**
 * The staff week view in a browser: `/calendar` with every resource (its default filter), signed
 * in as staff, in headless Chromium with a cold cache (a new browser context each sample), from
 * navigation start until the week's bookings are drawn on the grid. Goal: p95 ≤ 1 s on the
 * 200-resource fixture; the 10-resource twin is measured alongside for scale.
 *
 * The page opens on the current week, while the fixture's bookings start next Monday: the page
 * is opened on a day of that week (`?date=`: the week the page renders and has the browser
 * preload the entries of) and the browser's clock is moved into the same week (Date only; timers and
 * `performance.now()` keep the real time), so that "today" is there too.
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import type { BenchApp, BenchContext, BenchRow, Fixture } from './context';
import { bareCalendar } from './reads';
import { dayInZone } from '@/lib/calendar/working-days';
import { percentile, p95Figure } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DAY = 86_400_000;
const GOAL_MS = 1000;
/** A booking drawn on the time grid, or the "+N" standing for those beyond three abreast. */
const DRAWN = '.fc-timegrid-event, .fc-timegrid-more-link';
const FAILURE = '.booking-calendar [role="alert"]';

interface Sample {
  ms: number;
  /** Bookings on the grid: drawn, plus those counted in the "+N" links. */
  shown: number;
  /** From the page's own timing: first byte of the document, the data request's start and end. */
  ttfb: number;
  dataStart: number;
  dataEnd: number;
  /** The data's size as sent (compressed), kB. */
  dataKb: number;
  /** JavaScript transferred (compressed), kB. */
  scriptKb: number;
}

/** Date in the page runs `offset` ms ahead of the real clock; nothing else is touched. */
const shiftClock = (offset: number) => `(() => {
  const Real = Date;
  class Shifted extends Real {
    constructor(...args) { if (args.length === 0) super(Real.now() + ${offset}); else super(...args); }
    static now() { return Real.now() + ${offset}; }
  }
  globalThis.Date = Shifted;
})();`;

async function sample(browser: Browser, app: BenchApp, cookie: string, week: Date, timeZone: string): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  try {
    await context.addCookies(
      ['NEXT_LOCALE=zh', ...cookie.split('; ')].map((pair) => {
        const eq = pair.indexOf('=');
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: app.baseUrl };
      }),
    );
    // Wednesday noon of the week, whatever the zone: the grid shows Monday to Sunday around it.
    const wednesday = new Date(week.getTime() + 2.5 * DAY);
    await context.addInitScript({ content: shiftClock(wednesday.getTime() - Date.now()) });
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(`${app.baseUrl}/calendar?date=${dayInZone(wednesday, timeZone)}`, { waitUntil: 'commit' });
    await page.waitForSelector(`${DRAWN}, ${FAILURE}`, { state: 'attached', timeout: 30_000 });
    const ms = performance.now() - start;
    const failure = page.locator(FAILURE);
    if ((await failure.count()) > 0) throw new Error(`/calendar shows an error: ${(await failure.first().textContent())?.trim()}`);
    return {
      ms,
      ...(await page.evaluate(() => {
        const more = [...document.querySelectorAll('.fc-timegrid-more-link')].map((el) => Number(/\d+/.exec(el.textContent ?? '')?.[0] ?? 0));
        const nav = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = window.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const data = resources.find((r) => r.name.includes('/api/v1/calendar'));
        const scripts = resources.filter((r) => r.initiatorType === 'script');
        return {
          shown: document.querySelectorAll('.fc-timegrid-event').length + more.reduce((a, b) => a + b, 0),
          ttfb: nav.responseStart,
          dataStart: data?.startTime ?? NaN,
          dataEnd: data?.responseEnd ?? NaN,
          dataKb: (data?.encodedBodySize ?? NaN) / 1024,
          scriptKb: scripts.reduce((kb, r) => kb + r.transferSize, 0) / 1024,
        };
      })),
    };
  } finally {
    await context.close();
  }
}

async function bookingsOfWeek(f: Fixture): Promise<number> {
  const to = new Date(f.weekStart.getTime() + 7 * DAY);
  const [{ n }] = await f.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM (${bareCalendar(f, f.resources.map((r) => r.id), f.weekStart, to)}) c`;
  return n;
}

const p50 = (samples: Sample[], key: keyof Sample) => percentile(samples.map((s) => s[key]), 50);

function describe(samples: Sample[], expected: number): string {
  const shown = Math.round(p50(samples, 'shown'));
  const ms = (key: keyof Sample) => `${p50(samples, key).toFixed(0)} ms`;
  const data = `data request ${ms('dataStart')} → ${ms('dataEnd')} (${p50(samples, 'dataKb').toFixed(0)} kB)`;
  return `${shown}/${expected} bookings drawn; p50: document first byte ${ms('ttfb')}, ${data}, drawn ${ms('ms')}; JS ${p50(samples, 'scriptKb').toFixed(0)} kB`;
}

export async function benchWeekView(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.app || !existsSync(CHROMIUM)) {
    ctx.log(`week-view: skipped (${ctx.app ? `no ${CHROMIUM}` : 'no build: npm run build'})`);
    return [];
  }
  const runs = ctx.smoke ? 2 : 20;
  const sides = [
    { fixture: ctx.main, app: ctx.app.main },
    { fixture: ctx.twin, app: ctx.app.twin },
  ];
  const cookies = await Promise.all(sides.map((s) => s.app.cookieFor('staff@example.com')));
  const expected = await Promise.all(sides.map((s) => bookingsOfWeek(s.fixture)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const samples: Sample[][] = sides.map(() => []);
  try {
    // One untimed round: the servers load the page's and the API's code on their first request.
    for (let i = 0; i < runs + 1; i++) {
      for (const [k, side] of sides.entries()) {
        const s = await sample(browser, side.app, cookies[k], side.fixture.weekStart, side.fixture.timeZone);
        if (s.shown === 0) throw new Error(`/calendar drew no booking of a week that has ${expected[k]}`);
        if (i > 0) samples[k].push(s);
      }
    }
  } finally {
    await browser.close();
  }
  const [main, twin] = samples;
  const figure = p95Figure(main.map((s) => s.ms));
  const twinFigure = p95Figure(twin.map((s) => s.ms));
  return [
    {
      path: `/calendar week, all ${ctx.main.resources.length} resources, cold Chromium: bookings drawn`,
      app: figure,
      floor: null,
      ratio: null,
      goal: `≤ ${GOAL_MS} ms`,
      met: figure.value <= GOAL_MS,
      samples: main.length,
      note: `${describe(main, expected[0])}; ${ctx.twin.resources.length} resources: ${twinFigure.text}, ${describe(twin, expected[1])}`,
    },
  ];
}
