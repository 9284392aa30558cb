/**
 * Start-up checks run once per server process (instrumentation.ts): a configuration problem
 * stops the server with one clear line instead of failing on the first request.
 */
import { getDbHandle } from '@/db';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/db/seed';
import { ConfigError } from './config-error';
import { authSecret } from './env';

export async function prepareServer(): Promise<void> {
  try {
    authSecret();
    // Opens (and for the embedded database migrates and seeds) now, so the first request is fast.
    const handle = await getDbHandle();
    if (handle.driver === 'pglite') printWelcome();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

function printWelcome(): void {
  const url = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  console.log(
    [
      '',
      `  Resource Booking (资源预约系统) is running on the embedded database: ${url}`,
      `  Demo accounts (password ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(width)}  ${a.role}`),
      '',
    ].join('\n'),
  );
}
