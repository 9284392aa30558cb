/**
 * Demo data and real installs (start-up, lib/startup.ts). In development the embedded database
 * loads the demo data when it starts empty, so `npm install && npm run dev` needs no set-up. In
 * production nothing is loaded unless asked for (`npm run db:seed`), and the server refuses to
 * start while a demo account can still be signed into with the published password.
 * DEMO_MODE=1 marks a demonstration or test install (the browser tests): production then
 * behaves like development here.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbHandle, Db } from '@/db';
import { pgErrorCode, SQLSTATE } from '@/db/errors';
import { users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { ConfigError } from '@/lib/config-error';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';
import { seedIfEmpty } from './seed';

type Env = Record<string, string | undefined>;

/** Development, tests, or an install explicitly marked DEMO_MODE=1. */
export function isDemoInstall(env: Env = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.DEMO_MODE === '1';
}

/** The embedded database of a demo install gets the demo data when it has no accounts yet. */
export async function loadDemoDataIfWanted(handle: DbHandle, env: Env = process.env): Promise<boolean> {
  if (handle.driver !== 'pglite' || !isDemoInstall(env)) return false;
  return seedIfEmpty(handle.db);
}

/** Active demo accounts that still accept the published demo password. */
export async function demoAccountsWithDemoPassword(db: Db): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(inArray(users.email, DEMO_ACCOUNTS.map((a) => a.email)), eq(users.active, true), isNotNull(users.passwordHash)))
    .catch((error: unknown) => {
      // The first query of a production start: an unmigrated PostgreSQL ends here, not in a stack trace.
      if (pgErrorCode(error) === SQLSTATE.undefinedTable) {
        throw new ConfigError('The database has no tables yet: run `npm run db:migrate` (or start with DB_AUTO_MIGRATE=1).');
      }
      throw error;
    });
  const open = await Promise.all(rows.map(async (r) => ((await verifyPassword(DEMO_PASSWORD, r.passwordHash)) ? r.email : null)));
  return open.filter((email): email is string => email !== null).sort();
}

/** Outside a demo install, refuses to go on while anyone could sign in with the demo password. */
export async function assertNoDemoPasswords(db: Db, env: Env = process.env): Promise<void> {
  if (isDemoInstall(env)) return;
  const open = await demoAccountsWithDemoPassword(db);
  if (open.length === 0) return;
  throw new ConfigError(
    `The demo account${open.length > 1 ? 's' : ''} ${open.join(', ')} still ${open.length > 1 ? 'have' : 'has'} the published demo password: ` +
      `give each a new one with \`npm run user:password -- <e-mail>\`, ` +
      'or set DEMO_MODE=1 if this server is only a demonstration.',
  );
}
