/**
 * A benchmark module run in a process of its own (`tsx bench/<module>.ts <args>`), for figures
 * about the process itself — its resident memory — that a shared `npm run bench` process would
 * inflate with whatever earlier modules left on its heap.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BenchRow } from './context';
import { ROWS_JSON } from './write-kit';

const run = promisify(execFile);

export async function runInOwnProcess(script: string, args: string[]): Promise<BenchRow[]> {
  const { stdout } = await run('node_modules/.bin/tsx', [script, ...args], {
    env: { ...process.env, BENCH_ROWS_JSON: '1' },
    maxBuffer: 16 << 20,
  });
  const line = stdout.split('\n').find((l) => l.startsWith(ROWS_JSON));
  if (!line) throw new Error(`${script} printed no rows:\n${stdout.slice(-2000)}`);
  return JSON.parse(line.slice(ROWS_JSON.length)) as BenchRow[];
}
