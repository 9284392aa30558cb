/** `npm run db:seed`: loads the demo data (idempotent) into DATABASE_URL or the embedded DB. */
import { migrateDatabase, openDatabase, targetFromEnv } from './index';
import { runCli } from './cli';
import { seedDemoData } from './seed';

await runCli(async () => {
  const handle = await openDatabase(targetFromEnv());
  try {
    if (handle.driver === 'pglite') await migrateDatabase(handle);
    await seedDemoData(handle.db);
    console.log(`Demo data loaded (${handle.driver}). Accounts: admin@, service@, staff@, staff2@example.com — password demo1234`);
  } finally {
    await handle.close();
  }
});
