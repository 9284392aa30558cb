/**
 * A TCP relay between the app and PostgreSQL that counts the statements the app sends: every
 * simple Query ('Q') and every extended-protocol Execute ('E') message on the client's side of
 * the wire. Bytes pass through unchanged; the relay only reads the message headers. The app
 * under test needs no change to be counted, whatever its driver does.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

const SSL_REQUEST = 80877103;

export interface StatementCounter {
  /** postgres:// URL that reaches `target` through the relay. */
  url: string;
  /** Statements since the last call. */
  take(): number;
  close(): Promise<void>;
}

export async function startStatementCounter(target: string): Promise<StatementCounter> {
  const upstream = new URL(target);
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const db = connect(Number(upstream.port || 5432), upstream.hostname);
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
        if (type === 'Q' || type === 'E') count++;
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    take() {
      const n = count;
      count = 0;
      return n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
