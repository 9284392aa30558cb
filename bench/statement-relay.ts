/**
 * The statement counter's relay (bench/statement-counter.ts), run in a worker thread: a TCP relay
 * between the app and PostgreSQL that counts every simple Query ('Q') and extended-protocol
 * Execute ('E') message on the client's side of the wire into the shared counter. Bytes pass
 * through unchanged; the relay only reads the message headers.
 */
import { createServer, connect, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

export interface RelayData {
  host: string;
  port: number;
  /** One Int32: statements counted. */
  counter: SharedArrayBuffer;
}

const SSL_REQUEST = 80877103;
const { host, port, counter } = workerData as RelayData;
const count = new Int32Array(counter);
const sockets = new Set<Socket>();

const server = createServer((client) => {
  const db = connect(port, host);
  sockets.add(client).add(db);
  let startup = true;
  let pending: Buffer = Buffer.alloc(0);
  client.on('data', (chunk: Buffer) => {
    db.write(chunk);
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      if (startup) {
        // Startup and SSL request: a length and a code, no type byte.
        if (pending.length < 8) break;
        const length = pending.readInt32BE(0);
        if (pending.length < length) break;
        startup = pending.readInt32BE(4) === SSL_REQUEST;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) break;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) break;
      const type = String.fromCharCode(pending[0]);
      if (type === 'Q' || type === 'E') Atomics.add(count, 0, 1);
      pending = pending.subarray(1 + length);
    }
  });
  db.on('data', (chunk) => client.write(chunk));
  const end = () => {
    client.destroy();
    db.destroy();
    sockets.delete(client);
    sockets.delete(db);
  };
  client.on('close', end).on('error', end);
  db.on('close', end).on('error', end);
});

server.listen(0, '127.0.0.1', () => parentPort!.postMessage((server.address() as { port: number }).port));
parentPort!.on('message', () => {
  for (const s of sockets) s.destroy();
  server.close(() => process.exit(0));
});
