/**
 * Every page, as the role that uses it, in both languages and at both phone and desktop width:
 * axe-core finds no violation of any impact, and the Chinese pages show no message path, code or
 * English system phrase (tests/helpers/untranslated.ts). Each page is visited twice, once per
 * language, the two visits at different widths; which language gets the phone alternates down
 * the list, so every language × width pairing is still swept, over half of the pages each. The
 * status of every page is checked on both visits. One browser; each role signs in once and its
 * session is reused by a context per language and width.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { untranslatedIn } from '../helpers/untranslated';
import { baseUrl, DESKTOP, launchBrowser, PHONE, runJob, signInAs, waitForMail } from './browser';

type Role = 'anonymous' | 'staff' | 'staff2' | 'service' | 'admin';
interface Ids {
  ownBooking: string;
  pendingReview: string;
  customerBooking: string;
  resource: string;
  person: string;
  department: string;
  /** The survey link of the demo customer's finished visit. */
  survey: string;
  series: string;
  rectification: string;
}
interface PageSpec {
  path: string | ((ids: Ids) => string);
  as: Role;
  /** The HTTP status the page answers with (200 unless said). */
  status?: number;
}

/** The one list of pages: add a page here and it is checked everywhere. */
const PAGES: PageSpec[] = [
  { path: '/login', as: 'anonymous' },
  { path: '/book', as: 'anonymous' },
  { path: '/no-such-page', as: 'anonymous', status: 404 },
  { path: `/m/${'B'.repeat(43)}`, as: 'anonymous', status: 404 },
  { path: '/door/MR-301', as: 'anonymous' },
  { path: (ids) => `/s/${ids.survey}`, as: 'anonymous' },
  { path: `/s/${'B'.repeat(43)}`, as: 'anonymous', status: 404 },
  { path: '/', as: 'staff' },
  { path: '/bookings', as: 'staff' },
  { path: '/bookings/new', as: 'staff' },
  { path: (ids) => `/bookings/${ids.ownBooking}`, as: 'staff' },
  { path: '/calendar', as: 'staff' },
  { path: '/bookings/series/new', as: 'staff' },
  { path: (ids) => `/bookings/series/${ids.series}`, as: 'staff' },
  { path: '/waitlist', as: 'staff' },
  { path: '/account', as: 'staff' },
  { path: '/account', as: 'admin' },
  { path: '/no-such-page', as: 'staff', status: 404 },
  { path: '/coordination', as: 'staff2' },
  { path: '/desk', as: 'service' },
  { path: '/desk/new', as: 'service' },
  { path: '/desk/notify', as: 'service' },
  { path: '/desk/surveys', as: 'service' },
  { path: '/desk/surveys?show=all', as: 'service' },
  { path: (ids) => `/desk/bookings/${ids.customerBooking}`, as: 'service' },
  { path: '/admin', as: 'admin' },
  { path: '/admin/review', as: 'admin' },
  { path: '/admin/bookings', as: 'admin' },
  { path: '/admin/bookings?q=%E6%B5%8B%E8%AF%95&sort=startAt', as: 'admin' },
  { path: (ids) => `/admin/bookings/print?resource=${ids.resource}&range=week`, as: 'admin' },
  { path: '/admin/bookings', as: 'service' },
  { path: (ids) => `/admin/review/${ids.pendingReview}`, as: 'admin' },
  { path: '/admin/resources', as: 'admin' },
  { path: (ids) => `/admin/resources/${ids.resource}`, as: 'admin' },
  { path: (ids) => `/admin/resources/${ids.resource}/edit`, as: 'admin' },
  { path: (ids) => `/admin/resources/${ids.resource}/door-sign`, as: 'admin' },
  { path: (ids) => `/admin/resources/${ids.resource}/ledger`, as: 'admin' },
  { path: '/admin/resources/new', as: 'admin' },
  { path: '/admin/resources/types', as: 'admin' },
  { path: '/admin/people', as: 'admin' },
  { path: (ids) => `/admin/people/${ids.person}`, as: 'admin' },
  { path: '/admin/people/departments', as: 'admin' },
  { path: (ids) => `/admin/people/departments/${ids.department}`, as: 'admin' },
  { path: '/admin/audit', as: 'admin' },
  { path: '/admin/audit?entity=user&from=2026-13-01', as: 'admin' },
  { path: '/admin/incidents', as: 'admin' },
  { path: '/admin/inspections', as: 'admin' },
  { path: '/admin/reports', as: 'admin' },
  { path: '/admin/holidays', as: 'admin' },
  { path: '/admin/settings', as: 'admin' },
  { path: '/admin/outbox', as: 'admin' },
  { path: '/admin/channels', as: 'admin' },
  { path: '/admin/entries/new', as: 'admin' },
  { path: (ids) => `/bookings/series/${ids.series}`, as: 'admin' },
  { path: '/feedback', as: 'staff' },
  { path: '/admin/feedback', as: 'admin' },
  { path: '/rectifications', as: 'service' },
  { path: '/rectifications/new', as: 'admin' },
  { path: (ids) => `/rectifications/${ids.rectification}`, as: 'staff2' },
  { path: '/rectifications', as: 'staff', status: 404 },
];

const EMAILS: Record<Exclude<Role, 'anonymous'>, string> = {
  staff: 'staff@example.com',
  staff2: 'staff2@example.com',
  service: 'service@example.com',
  admin: 'admin@example.com',
};

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
const sessions = new Map<Role, Awaited<ReturnType<BrowserContext['storageState']>>>();
let ids: Ids;

beforeAll(async () => {
  browser = await launchBrowser();
  for (const [role, email] of Object.entries(EMAILS)) {
    const context = await browser.newContext({ baseURL: baseUrl() });
    await signInAs(context, email);
    sessions.set(role as Role, await context.storageState());
    await context.close();
  }
  ids = await findIds();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** A booking, a pending request, a customer's booking, a resource and a survey link of the demo data. */
async function findIds(): Promise<Ids> {
  const get = async (role: Role, path: string) => {
    const context = await browser.newContext({ baseURL: baseUrl(), storageState: sessions.get(role) });
    const body = await (await context.request.get(path)).json();
    await context.close();
    return body;
  };
  type Row = { id: string; status: string; requesterKind: string; purpose: string };
  const own = (await get('staff', '/api/v1/bookings')).bookings as Row[];
  const all = (await get('admin', '/api/v1/bookings')).bookings as Row[];
  const resources = (await get('staff', '/api/v1/resources')).resources as { id: string }[];
  // People and departments have no JSON list: the first of each the admin pages link to.
  const admin = await browser.newContext({ baseURL: baseUrl(), storageState: sessions.get('admin') });
  const firstLink = async (path: string, prefix: string, within = 'main tbody') => {
    const page = await admin.newPage();
    await page.goto(path);
    const href = await page.locator(`${within} a[href^="${prefix}"]`).first().getAttribute('href');
    await page.close();
    return href!.split('/').pop()!;
  };
  const person = await firstLink('/admin/people', '/admin/people/');
  const department = await firstLink('/admin/people/departments', '/admin/people/departments/');
  // Series have no list route either: the demo series, linked from one of its dates.
  const occurrence = own.find((b) => b.purpose === '每周销售例会')!;
  const series = await firstLink(`/bookings/${occurrence.id}`, '/bookings/series/', 'main');
  // The demo data has no rectification item: one for Engineering, whose contact is staff2. No
  // JSON route lists departments; the new-item form's choice names it.
  const form = await admin.newPage();
  await form.goto('/rectifications/new');
  const techId = await form.locator('select[name="ownerDepartmentId"] option', { hasText: /技术部|Engineering/ }).getAttribute('value');
  await form.close();
  const created = (await (
    await admin.request.post('/api/v1/rectifications', {
      headers: { Origin: baseUrl() },
      data: { title: '投影仪偏色', ownerDepartmentId: techId, dueDate: '2030-03-20' },
    })
  ).json()) as { id: string };
  await admin.close();
  // The demo customer's visit ended yesterday: the follow-up job mails the survey link.
  await runJob('send-follow-up-surveys');
  const survey = await waitForMail('chen@customer.example.com', (mail) => /\/s\/[\w-]{43}/.test(mail.text));
  return {
    survey: /\/s\/([\w-]{43})/.exec(survey.text)![1],
    person,
    department,
    series,
    ownBooking: own[0].id,
    pendingReview: all.find((b) => b.status === 'pending')!.id,
    customerBooking: all.find((b) => b.requesterKind === 'customer')!.id,
    resource: resources[0].id,
    rectification: created.id,
  };
}

interface Finding {
  page: string;
  problems: string[];
}

async function check(page: Page, spec: PageSpec, locale: 'zh' | 'en'): Promise<Finding> {
  const path = typeof spec.path === 'function' ? spec.path(ids) : spec.path;
  const response = await page.goto(path, { waitUntil: 'networkidle' });
  const problems: string[] = [];
  if (response?.status() !== (spec.status ?? 200)) problems.push(`status ${response?.status()}`);
  // A portal page that calls notFound() arrives as Next's error shell and the browser draws the
  // not-found page into it (vercel/next.js#62228); the network can go quiet first. Judge what the
  // reader sees once it is drawn; a shell that stays (a real error) is a finding.
  const drawn = await page
    .waitForFunction(() => document.documentElement.id !== '__next_error__', undefined, { timeout: 15_000 })
    .then(() => true, () => false);
  if (!drawn) problems.push('error page: the document stayed Next.js’s error shell');
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  problems.push(...violations);
  if (locale === 'zh') {
    // Text marked as another language (the ledger's English notes, the "English" switch) is meant so.
    const text = await page.evaluate(() => {
      let shown = document.body.innerText;
      for (const el of document.querySelectorAll<HTMLElement>('body [lang]:not([lang^="zh"])')) shown = shown.replace(el.innerText, ' ');
      return shown;
    });
    problems.push(...untranslatedIn(text).map((found) => `untranslated ${found}`));
    problems.push(...untranslatedIn(await page.title()).map((found) => `untranslated title ${found}`));
  }
  return { page: `${spec.as} ${path}`, problems };
}

/**
 * The language that sees a page at phone width: Chinese for the pages at even places in PAGES,
 * English for the others (each page's other visit is the other language at desktop width). A
 * layout that breaks in one language at one width shows on the pages of its half.
 */
const phoneLocale = (spec: PageSpec): 'zh' | 'en' => (PAGES.indexOf(spec) % 2 === 0 ? 'zh' : 'en');

describe('every page', () => {
  // The four sweeps run at once: most of a page's time is waiting for the network to go quiet,
  // which overlaps well, and the sweeps share nothing but the read-only sessions.
  it.concurrent.each([
    ['zh', 'phone', PHONE],
    ['zh', 'desktop', DESKTOP],
    ['en', 'phone', PHONE],
    ['en', 'desktop', DESKTOP],
  ] as const)('in %s at %s width (its half of the pages) has no accessibility violation and nothing untranslated', async (locale, width, device) => {
    const pages = PAGES.filter((spec) => (phoneLocale(spec) === locale) === (width === 'phone'));
    const findings: Finding[] = [];
    for (const role of new Set(pages.map((p) => p.as))) {
      const context = await browser.newContext({
        ...device,
        baseURL: baseUrl(),
        locale: locale === 'zh' ? 'zh-CN' : 'en-US',
        storageState: sessions.get(role),
      });
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseUrl() }]);
      // Next.js prefetches every link in view (40–70 route payloads per page here, each one a
      // server render), and the network only goes quiet once they are all in: about 6 s a page.
      // The sweep judges the page it loaded, which the prefetches leave as it is; refused, the
      // wait is about 1 s and the server is spared for the other lane.
      await context.route(/[?&]_rsc=/, (route) => (route.request().headers()['next-router-prefetch'] ? route.abort() : route.fallback()));
      const page = await context.newPage();
      for (const spec of pages.filter((p) => p.as === role)) findings.push(await check(page, spec, locale));
      await context.close();
    }
    expect(findings.filter((f) => f.problems.length > 0)).toEqual([]);
  }, 900_000);
});
