/** `npm run db:seed`: loads the demo data (idempotent) into DATABASE_URL or the embedded DB. */
import { migrateDatabase, openDatabase, targetFromEnv } from '@/db';
import { runCli } from '@/db/cli';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@/lib/demo/accounts';
import { isDemoInstall } from '@/lib/demo/install';
import { seedDemoData } from '@/lib/demo/seed';

await runCli(async () => {
  const handle = await openDatabase(targetFromEnv());
  try {
    if (handle.driver === 'pglite') await migrateDatabase(handle);
    await seedDemoData(handle.db);
    console.log(`Demo data loaded (${handle.driver}). Accounts: ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')} — password ${DEMO_PASSWORD}`);
    if (!isDemoInstall()) {
      console.log(
        'In production the app will not start while these accounts keep that password: give each a new one with ' +
          '`npm run user:password -- <e-mail>`, or set DEMO_MODE=1 for a demonstration server.',
      );
    }
  } finally {
    await handle.close();
  }
});
