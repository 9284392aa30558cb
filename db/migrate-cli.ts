/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL (or the embedded DB). */
import { migrateDatabase, openDatabase, targetFromEnv } from './index';
import { runCli } from './cli';

await runCli(async () => {
  const handle = await openDatabase(targetFromEnv());
  try {
    await migrateDatabase(handle);
    console.log(`Migrations applied (${handle.driver}).`);
  } finally {
    await handle.close();
  }
});
