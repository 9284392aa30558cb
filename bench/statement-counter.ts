/**
 * Counts the statements the app under test sends, whatever its driver does, with no change to
 * the app: it reaches PostgreSQL through a relay (bench/statement-relay.ts) that counts them.
 * The relay runs in a worker thread, so that forwarding the app's traffic does not queue on the
 * event loop that times the requests (and runs the floor's queries); the count is shared memory.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { RelayData } from './statement-relay';

export interface StatementCounter {
  /** postgres:// URL that reaches `target` through the relay. */
  url: string;
  /** Statements since the last call. */
  take(): number;
  close(): Promise<void>;
}

export async function startStatementCounter(target: string): Promise<StatementCounter> {
  const upstream = new URL(target);
  const counter = new SharedArrayBuffer(4);
  const data: RelayData = { host: upstream.hostname, port: Number(upstream.port || 5432), counter };
  // The worker runs TypeScript as this process does: through tsx's loader, registered in it.
  const relay = new URL('./statement-relay.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(relay)}); })`, {
    eval: true,
    workerData: data,
  });
  const [port] = (await once(worker, 'message')) as [number];
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  const count = new Int32Array(counter);
  return {
    url: url.toString(),
    take: () => Atomics.exchange(count, 0, 0),
    async close() {
      worker.postMessage('close');
      await once(worker, 'exit');
    },
  };
}
