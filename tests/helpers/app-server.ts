/**
 * Starting the built app as `npm start` does, for tests and the benchmark that run production
 * servers: `next start` with the socket-address preload (scripts/socket-address.cjs) in
 * NODE_OPTIONS, reached once /api/health answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const SOCKET_ADDRESS_PRELOAD = fileURLToPath(new URL('../../scripts/socket-address.cjs', import.meta.url));

/** `env` plus the preload, as `npm start` sets it. */
export function withSocketAddressPreload(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `--require ${SOCKET_ADDRESS_PRELOAD} ${env.NODE_OPTIONS ?? ''}`.trim() };
}

export interface RunningApp {
  url: string;
  server: ChildProcess;
  /** Everything the server printed so far, both streams in arrival order. */
  log(): string;
  output(): { stdout: string; stderr: string };
  stop(): Promise<void>;
}

/** `next start` on 127.0.0.1:`port`, not yet waited for (see untilHealthy). */
export function spawnBuiltApp(port: number, env: NodeJS.ProcessEnv, { preload = true } = {}): RunningApp {
  // Idle connections kept longer than Node's 5 s default: a client that reuses a kept-alive socket
  // just as the server closes it gets ECONNRESET (seen once in CI on a report export).
  const server = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1', '--keepAliveTimeout', '65000'], {
    env: preload ? withSocketAddressPreload(env) : env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let stdout = '';
  let stderr = '';
  server.stdout?.on('data', (d) => ((stdout += d), (log += d)));
  server.stderr?.on('data', (d) => ((stderr += d), (log += d)));
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    log: () => log,
    output: () => ({ stdout, stderr }),
    async stop() {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    },
  };
}

/** Healthy (true) or exited (false), whichever comes first. */
export async function untilHealthy(app: RunningApp, timeoutMs = 90_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.server.exitCode !== null) return false;
    try {
      if ((await fetch(`${app.url}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the app on ${app.url} did not become healthy:\n${app.log()}`);
}

/** The built app, healthy; a server that exits on the way fails with its output. */
export async function startBuiltApp(port: number, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const app = spawnBuiltApp(port, env);
  if (!(await untilHealthy(app))) throw new Error(`next start on ${app.url} exited:\n${app.log()}`);
  return app;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
