import { defineConfig } from 'drizzle-kit';

// drizzle-kit is used to generate migrations and to apply them to a real PostgreSQL.
// The embedded PGlite database migrates itself (db/migrate.ts): drizzle-kit cannot load
// the btree_gist extension into PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  strict: true,
});
