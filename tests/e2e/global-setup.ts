/**
 * Starts what the browser tests need: a capturing SMTP server (each received message is written
 * as a JSON file that tests read), and the built app (`next start`) on a fresh database — an
 * embedded PGlite data directory, or with E2E_DATABASE=postgres a new PostgreSQL database on
 * TEST_DATABASE_URL's server — wired to that SMTP server, with the in-process scheduler off so tests run the
 * cron jobs themselves through their HTTP endpoints. DEMO_MODE=1 marks it a test install: the
 * production server loads the demo data into its empty database and accepts the demo accounts
 * (README "Production use"), which the tests sign in with.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '@/db';
import { seedDemoData } from '@/lib/demo/seed';
import { startBuiltApp } from '../helpers/app-server';
import { adminUrl, databaseUrl } from '../helpers/db-names';

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
  const database = await freshDatabase(port, workDir);
  const cronSecret = randomBytes(16).toString('hex');
  const inboundSecret = randomBytes(16).toString('hex');
  const env = {
    ...process.env,
    NODE_ENV: 'production' as const,
    NEXT_TELEMETRY_DISABLED: '1',
    ...database.env,
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
  const app = await startBuiltApp(port, env);

  project.provide('baseUrl', baseUrl);
  project.provide('mailDir', mailDir);
  project.provide('cronSecret', cronSecret);
  project.provide('inboundSecret', inboundSecret);

  return async () => {
    await app.stop();
    await new Promise((r) => smtp.close(() => r(null)));
    if (process.env.E2E_KEEP_LOGS) console.log(app.log());
    await database.drop();
    await rm(workDir, { recursive: true, force: true });
  };
}

/**
 * The app's database. PGlite runs inside the app's one Node process, so every query waits its
 * turn on the event loop; PostgreSQL lets the app's requests overlap, which is what production
 * does. CI runs the page sweep on PGlite and the other browser tests on PostgreSQL, so both
 * drivers are exercised through the browser.
 */
async function freshDatabase(port: number, workDir: string) {
  if (process.env.E2E_DATABASE !== 'postgres') {
    return { env: { PGLITE_DIR: join(workDir, 'pglite'), DATABASE_URL: '' }, drop: async () => {} };
  }
  const name = `booking_e2e_${port}`;
  const recreate = async (create: boolean) => {
    const server = postgres(adminUrl(), { max: 1, onnotice: () => {} });
    try {
      await server.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (create) await server.unsafe(`CREATE DATABASE ${name}`);
    } finally {
      await server.end();
    }
  };
  await recreate(true);
  const handle = await openDatabase({ driver: 'postgres', url: databaseUrl(name) });
  try {
    await migrateDatabase(handle);
    // The server loads demo data itself only into an embedded database (lib/demo/install.ts).
    await seedDemoData(handle.db);
  } finally {
    await handle.close();
  }
  return { env: { DATABASE_URL: databaseUrl(name) }, drop: () => recreate(false) };
}
