/**
 * The built app (`next start`, as `npm start` runs it) on a fixture's database, with the
 * scheduler off so that nothing but the benchmark's requests talks to the database. Two
 * instances with the same secrets: one reaches PostgreSQL directly and takes every timed
 * request; the other reaches it through the statement counter and answers only the requests
 * whose statements are counted. The counter's relay is one more hop on every round trip (and
 * a thread of the benchmark's own process, on a machine of two cores): timed through it, the
 * week grid of 200 resources took 73-95 ms at p50 instead of 63-65.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltApp } from '../tests/helpers/app-server';
import type { BenchApp } from './context';
import { startStatementCounter } from './statement-counter';

export function hasBuild(): boolean {
  return existsSync(join(process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID'));
}

export interface Ports {
  timed: number;
  counted: number;
}

export async function startApp(databaseUrl: string, ports: Ports): Promise<BenchApp & { stop(): Promise<void> }> {
  const counter = await startStatementCounter(databaseUrl);
  const baseUrl = `http://127.0.0.1:${ports.timed}`;
  const countedUrl = `http://127.0.0.1:${ports.counted}`;
  const cronSecret = randomBytes(16).toString('hex');
  const authSecret = randomBytes(32).toString('base64');
  const env = (url: string, database: string) => ({
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: database,
    // Shared, so that a session cookie from one instance is good on the other.
    AUTH_SECRET: authSecret,
    APP_URL: url,
    CRON_SECRET: cronSecret,
    DISABLE_SCHEDULER: '1',
    DEMO_MODE: '1',
    TRUST_PROXY: '1',
  });
  const [timed, counted] = await Promise.all([
    startBuiltApp(ports.timed, env(baseUrl, databaseUrl)),
    startBuiltApp(ports.counted, env(countedUrl, counter.url)),
  ]);

  const cookies = new Map<string, string>();
  return {
    baseUrl,
    cronSecret,
    async countStatements(send) {
      const settle = () => new Promise((r) => setTimeout(r, 50));
      // Once to warm the instance up (its caches, the statements it prepares). Then the least
      // of three counts: a connection the pool opens on the way first asks the server for its
      // types (postgres-js), a statement of no request's. Statements after the last byte (a
      // deferred write) belong to the request, hence the pause before each reading.
      await send(countedUrl);
      await settle();
      const counts: number[] = [];
      for (let i = 0; i < 3; i++) {
        counter.take();
        await send(countedUrl);
        await settle();
        counts.push(counter.take());
      }
      return Math.min(...counts);
    },
    async cookieFor(email) {
      const known = cookies.get(email);
      if (known) return known;
      const jar = new Map<string, string>();
      const keep = (res: Response) => {
        for (const line of res.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
      };
      const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
      keep(csrf);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: header() },
        body: new URLSearchParams({ csrfToken, email, password: 'demo1234', callbackUrl: '/' }),
      });
      keep(login);
      if (!jar.has('authjs.session-token')) throw new Error(`sign-in as ${email} failed: ${login.status}`);
      cookies.set(email, header());
      return header();
    },
    async stop() {
      await Promise.all([timed.stop(), counted.stop()]);
      await counter.close();
      if (process.env.BENCH_KEEP_LOGS) console.log(timed.log(), counted.log());
    },
  };
}
