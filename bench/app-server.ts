/**
 * The built app (`next start`, as `npm start` runs it) on a fixture's database, reached through
 * the statement counter, with the scheduler off so that nothing but the benchmark's requests
 * talks to the database.
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

export async function startApp(databaseUrl: string, port: number): Promise<BenchApp & { stop(): Promise<void> }> {
  const counter = await startStatementCounter(databaseUrl);
  const baseUrl = `http://127.0.0.1:${port}`;
  const cronSecret = randomBytes(16).toString('hex');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: counter.url,
    AUTH_SECRET: randomBytes(32).toString('base64'),
    APP_URL: baseUrl,
    CRON_SECRET: cronSecret,
    DISABLE_SCHEDULER: '1',
    DEMO_MODE: '1',
    TRUST_PROXY: '1',
  };
  const app = await startBuiltApp(port, env);

  const cookies = new Map<string, string>();
  return {
    baseUrl,
    cronSecret,
    takeStatementCount: () => counter.take(),
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
      await app.stop();
      await counter.close();
      if (process.env.BENCH_KEEP_LOGS) console.log(app.log());
    },
  };
}
