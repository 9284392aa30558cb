/**
 * The JavaScript a page makes the browser load, from the build as served: every chunk its HTML
 * names (script tags, preloads, and the client components the inline flight data refers to),
 * gzip-compressed. `/book` is measured against an empty page of the same build: an address no
 * route knows, which a visitor sees with the same public header and nothing else. Goal: `/book`
 * adds at most 60 kB.
 *
 *   npx tsx bench/page-weight.ts http://127.0.0.1:3000     # against a running `next start`
 */
import { gzipSync } from 'node:zlib';
import type { BenchContext, BenchRow } from './context';
import { runIfMain } from './write-kit';

const CHUNK = /(?:\/_next\/)?static\/chunks\/[\w.~-]+\.js/g;
const GOAL_KB = 60;

/** Gzip bytes of each script the page at `path` loads, by its address. */
export async function pageScripts(baseUrl: string, path: string): Promise<Map<string, number>> {
  const response = await fetch(new URL(path, baseUrl));
  const html = await response.text();
  const names = new Set((html.match(CHUNK) ?? []).map((name) => (name.startsWith('/_next/') ? name : `/_next/${name}`)));
  const sizes = new Map<string, number>();
  for (const name of names) {
    const script = await fetch(new URL(name, baseUrl));
    if (!script.ok) throw new Error(`${name}: ${script.status}`);
    sizes.set(name, gzipSync(Buffer.from(await script.arrayBuffer())).length);
  }
  return sizes;
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((sum, size) => sum + size, 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

export async function benchPageWeight(baseUrl: string): Promise<BenchRow[]> {
  const empty = await pageScripts(baseUrl, '/bench-empty-page');
  const book = await pageScripts(baseUrl, '/book');
  const added = [...book].filter(([name]) => !empty.has(name));
  const extra = total(book) - total(empty);
  const largest = added.sort((a, b) => b[1] - a[1])[0];
  return [
    {
      path: '/book JavaScript over an empty page (gzip)',
      app: { value: extra, text: `+${kB(extra)} (${kB(total(book))} in ${book.size} files)` },
      floor: { value: total(empty), text: `empty page ${kB(total(empty))} in ${empty.size} files` },
      ratio: null,
      goal: `≤ +${GOAL_KB} kB`,
      met: extra <= GOAL_KB * 1000,
      samples: 1,
      note: largest ? `largest added file ${largest[0].split('/').pop()} ${kB(largest[1])}` : undefined,
    },
  ];
}

/** As a module of `npm run bench`: needs the build (the app server). */
export async function benchPageWeightModule(ctx: BenchContext): Promise<BenchRow[]> {
  if (!ctx.app) {
    ctx.log('page weight: no build, skipped (npm run build first)');
    return [];
  }
  return benchPageWeight(ctx.app.main.baseUrl);
}

runIfMain(import.meta.url, () => benchPageWeight(process.argv[2] ?? 'http://127.0.0.1:3000'));
