/**
 * The bookings register at scale (a million past bookings), each path beside its bare-PostgreSQL
 * floor in the same run (postgres-js, one hand-written statement for the same rows):
 *  - the first page (50 rows, newest start first), unfiltered and a deep page by cursor;
 *  - the first page of a text search `q` (an ILIKE over six fields, stopped by the page's limit);
 *  - the XLSX export of one resource's month, generated and read to the last byte.
 */
import type { Actor } from '@/lib/authz';
import { registerPage, type RegisterFilter, type RegisterQuery } from '@/lib/booking/register';
import { exportRegister } from '@/lib/booking/register-export';
import type { BenchContext, BenchRow, Fixture } from './context';
import { interleave, latencyRow } from './stats';

const PAGE = 50;
const DAY = 86_400_000;

/** The floor of a page: the same rows and joins, ordered and limited, by hand. */
function barePage(f: Fixture, where: string, params: unknown[], limit = PAGE + 1) {
  return f.sql.unsafe(
    `SELECT b.*, r.code, r.name_zh, r.name_en, t.name_zh AS type_zh, d.name_zh AS department_zh
       FROM bookings b JOIN resources r ON r.id = b.resource_id JOIN resource_types t ON t.id = r.type_id
       LEFT JOIN departments d ON d.id = b.department_id
      WHERE ${where} ORDER BY b.start_at DESC, b.id DESC LIMIT ${limit}`,
    params as never[],
  );
}

async function drain(body: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.byteLength;
  return bytes;
}

export async function benchRegister(ctx: BenchContext): Promise<BenchRow[]> {
  const { main } = ctx;
  const admin: Actor = main.actors.admin;
  const n = ctx.samples;
  const rows: BenchRow[] = [];
  const page = (filter: RegisterFilter, after?: RegisterQuery['after']) =>
    registerPage(main.db, admin, { filter, sort: '-startAt', limit: PAGE, after });

  const first = await interleave(n, { app: () => page({}), floor: () => barePage(main, 'true', []) });
  rows.push(latencyRow(`register first page (${PAGE} rows), ${main.pastBookings.toLocaleString('en')} past bookings`, first.app, first.floor, { maxRatio: 2, maxMs: 100 }));

  // Half-way down the list: a cursor from the row there.
  const [middle] = await main.sql<{ id: string; key: string }[]>`
    SELECT id, start_at::text AS key FROM bookings ORDER BY start_at DESC, id DESC OFFSET ${Math.floor(main.pastBookings / 2)} LIMIT 1`;
  const deep = await interleave(n, {
    app: () => page({}, { key: middle.key, id: middle.id }),
    floor: () => barePage(main, '(b.start_at, b.id) < ($1::timestamptz, $2::uuid)', [middle.key, middle.id]),
  });
  rows.push(latencyRow('register page half-way down, by cursor', deep.app, deep.floor, { maxRatio: 2, maxMs: 100 }));

  // A customer's e-mail: one in four bookings is a customer's, the same address every 5,000.
  const q = 'c4321@customer';
  const fields = ['reference', 'contact_name', 'company', 'contact_email', 'contact_phone', 'purpose'];
  // Seconds a sample (every row's text read): a third of the samples, as the export below.
  const search = await interleave(Math.max(3, Math.floor(n / 3)), {
    app: () => page({ q }),
    floor: () => barePage(main, `(${fields.map((f) => `b.${f} ILIKE $1`).join(' OR ')})`, [`%${q}%`]),
  });
  rows.push(latencyRow(`register search q="${q}", first page`, search.app, search.floor, { maxRatio: 2 }));

  // One resource's first month of history: what someone exports for a review.
  const resourceId = main.resources[0].id;
  const [{ oldest }] = await main.sql<{ oldest: Date }[]>`SELECT min(start_at) AS oldest FROM bookings WHERE resource_id = ${resourceId}`;
  const from = oldest;
  const to = new Date(from.getTime() + 30 * DAY);
  const filter: RegisterFilter = { resourceId, from, to };
  let exported = 0;
  const xlsx = await interleave(Math.max(3, Math.floor(n / 3)), {
    app: async () => {
      const file = await exportRegister(main.db, admin, { filter, sort: '-startAt' }, 'xlsx', 'zh');
      exported = await drain(file.body);
    },
    floor: () =>
      barePage(main, 'b.resource_id = $1 AND b.end_at >= $2 AND b.start_at < $3', [resourceId, from, to], 1_000_000),
  });
  const [{ count }] = await main.sql<{ count: number }[]>`
    SELECT count(*)::int AS count FROM bookings WHERE resource_id = ${resourceId} AND end_at >= ${from} AND start_at < ${to}`;
  rows.push(
    latencyRow(`XLSX export, one resource × 30 days`, xlsx.app, xlsx.floor, {
      // Making the workbook (zip, XML) is the work; the floor only reads the rows.
      maxRatio: 25,
      maxMs: 2000,
      note: `${count} rows, ${(exported / 1024).toFixed(0)} kB`,
    }),
  );
  return rows;
}
