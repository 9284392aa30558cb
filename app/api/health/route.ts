import { sql } from 'drizzle-orm';
import { getDbHandle } from '@/db';

export const dynamic = 'force-dynamic';

/** Liveness for load balancers and the smoke test: one round trip to the database. */
export async function GET() {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: 'ok', db: handle.driver }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    // The reason goes to the server log only: it may name hosts or paths.
    console.error('health check failed:', error instanceof Error ? error.message : error);
    return Response.json({ status: 'error' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
