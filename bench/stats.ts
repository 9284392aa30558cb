/** Timing and the rows built from timings: percentiles, latency comparisons against a floor. */
import { performance } from 'node:perf_hooks';
import type { BenchFigure, BenchRow } from './context';

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function p95Figure(samples: readonly number[]): BenchFigure {
  const value = percentile(samples, 95);
  return { value, text: `p95 ${value.toFixed(1)} ms (p50 ${percentile(samples, 50).toFixed(1)})` };
}

/**
 * Runs the sides alternately, `runs` times after `warmup` untimed rounds, so that
 * both see the same caches and the same neighbours on the machine.
 */
export async function interleave(
  runs: number,
  sides: Record<string, () => Promise<unknown>>,
  warmup = 3,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(sides).map((k) => [k, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const [name, fn] of Object.entries(sides)) {
      const start = performance.now();
      const rest = await fn();
      const ms = performance.now() - start;
      // A side may answer with what is left to do untimed (reading a body after its first byte).
      if (typeof rest === 'function') await rest();
      if (i >= warmup) samples[name].push(ms);
    }
  }
  return samples;
}

/**
 * A latency row: p95 of the app against p95 of the floor, met when within `maxRatio` and `maxMs`
 * (either may be left out: a path whose floor only shows the scale gets an absolute goal).
 */
export function latencyRow(
  path: string,
  app: readonly number[],
  floor: readonly number[],
  limits: { maxRatio?: number; maxMs?: number; note?: string },
): BenchRow {
  const a = p95Figure(app);
  const f = p95Figure(floor);
  const ratio = a.value / f.value;
  const met = (limits.maxRatio === undefined || ratio <= limits.maxRatio) && (limits.maxMs === undefined || a.value <= limits.maxMs);
  const goal = [limits.maxRatio === undefined ? '' : `≤ ${limits.maxRatio}×`, limits.maxMs === undefined ? '' : `≤ ${limits.maxMs} ms`]
    .filter(Boolean)
    .join(' and ');
  return { path, app: a, floor: f, ratio, goal, met, samples: app.length, note: limits.note };
}
