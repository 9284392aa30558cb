/**
 * Starts what the browser tests need: a capturing SMTP server (each received message is written
 * as a JSON file that tests read), and the built app (`next start`) on a fresh PGlite data
 * directory, wired to that SMTP server, with the in-process scheduler off so tests run the
 * cron jobs themselves through their HTTP endpoints. DEMO_MODE=1 marks it a test install: the
 * production server loads the demo data into its empty database and accepts the demo accounts
 * (README "Production use"), which the tests sign in with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { withSocketAddressPreload } from '../helpers/app-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    cronSecret: string;
    inboundSecret: string;
  }
}

export default async function setup(project: TestProject) {
  // NEXT_DIST_DIR (next.config.mjs) lets several builds live side by side; `next start` below
  // inherits it from the environment.
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!existsSync(join(distDir, 'BUILD_ID'))) throw new Error('Run `npm run build` before the browser tests.');
  const workDir = await mkdtemp(join(tmpdir(), 'booking-e2e-'));
  const mailDir = join(workDir, 'mail');
  await mkdir(mailDir);

  let counter = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = [mail.to].flat().flatMap((a) => a?.value ?? []).map((v) => v.address?.toLowerCase());
          const file = join(mailDir, `${String(++counter).padStart(4, '0')}.json`);
          await writeFile(
            file,
            JSON.stringify({ to, subject: mail.subject, text: mail.text, html: mail.html || '', messageId: mail.messageId }),
          );
          callback();
        })
        .catch(callback);
    },
  });
  const smtpPort = await new Promise<number>((resolve) => {
    smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port));
  });

  const port = Number(process.env.E2E_PORT ?? 3100);
  const baseUrl = `http://127.0.0.1:${port}`;
  const cronSecret = randomBytes(16).toString('hex');
  const inboundSecret = randomBytes(16).toString('hex');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    PGLITE_DIR: join(workDir, 'pglite'),
    DATABASE_URL: '',
    AUTH_SECRET: randomBytes(32).toString('base64'),
    APP_URL: baseUrl,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    CRON_SECRET: cronSecret,
    INBOUND_EMAIL_SECRET: inboundSecret,
    DISABLE_SCHEDULER: '1',
    DEMO_MODE: '1',
    // The tests stand in for a reverse proxy: they name each simulated customer's address in
    // x-forwarded-for (separate rate-limit buckets), so the app trusts one hop. Direct clients
    // (TRUST_PROXY unset) are tested in two-instances.e2e.ts.
    TRUST_PROXY: '1',
  };
  const server: ChildProcess = spawn('node_modules/.bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: withSocketAddressPreload(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout?.on('data', (d) => (log += d));
  server.stderr?.on('data', (d) => (log += d));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${log}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not become healthy:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }

  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('cronSecret', cronSecret);
  project.provide('inboundSecret', inboundSecret);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await new Promise((r) => smtp.close(() => r(null)));
    if (process.env.E2E_KEEP_LOGS) console.log(log);
    await rm(workDir, { recursive: true, force: true });
  };
}
