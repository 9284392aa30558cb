/**
 * Start-up checks run once per server process (instrumentation.ts): a configuration problem
 * stops the server with one clear line instead of failing on the first request.
 */
import { getDbHandle } from '@/db';
import { DEPARTMENTS } from '@/lib/demo/catalogue';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { assertNoDemoPasswords, isDemoInstall, loadDemoDataIfWanted } from '@/lib/demo/install';
import { socketAddressPreloaded } from '@/lib/api/client-ip';
import { appUrl } from '@/lib/mail/config';
import { ConfigError } from './config-error';
import { authSecret, isProduction } from './env';

export async function prepareServer(): Promise<void> {
  try {
    authSecret();
    assertSocketAddressPreload();
    // Opens (and for the embedded database migrates) now, so the first request is fast.
    const handle = await getDbHandle();
    await loadDemoDataIfWanted(handle);
    await assertNoDemoPasswords(handle.db);
    if (handle.driver === 'pglite' && isDemoInstall()) printWelcome();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Without the preload the per-address limit would have no trustworthy address (and a client
 * could write the header itself), so production does not start rather than trust headers.
 */
function assertSocketAddressPreload(): void {
  if (isProduction() && !socketAddressPreloaded()) {
    throw new ConfigError(
      'the socket-address preload is missing: start the server with `npm start` (or set NODE_OPTIONS="--require ./scripts/socket-address.cjs")',
    );
  }
}

const ROLE_LABELS = { admin: 'administrator', customer_service: 'customer service', staff: 'staff' } as const;

function printWelcome(): void {
  const url = appUrl();
  const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
  const department = (code: string) => DEPARTMENTS.find((d) => d.code === code);
  console.log(
    [
      '',
      `  Resource Booking (资源预约系统) is running on the embedded database: ${url}`,
      `  Demo accounts (password ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map((a) => {
        const d = department(a.department);
        return `    ${a.email.padEnd(width)}  ${d?.nameEn} (${d?.nameZh}), ${ROLE_LABELS[a.role]}`;
      }),
      '',
    ].join('\n'),
  );
}
