/**
 * What every benchmark module gets and gives back. A module is
 *
 *   export async function benchX(ctx: BenchContext): Promise<BenchRow[]>
 *
 * run by bench/run.ts against the scratch databases the fixture built (bench/fixture.ts). It may
 * write its own rows into them (the run drops them afterwards) but should leave the four
 * occupied future weeks as it found them, or write only inside `fixture.freeFrom`–`freeTo`, so
 * that modules run after it measure the same data.
 */
import type postgres from 'postgres';
import type { Db } from '@/db';
import type { UserActor } from '@/lib/authz';

export interface FixtureResource {
  id: string;
  code: string;
  typeId: string;
  customerBookable: boolean;
}

/** One scratch database built by bench/fixture.ts. */
export interface Fixture {
  /** postgres:// URL of the scratch database (for a module's own clients). */
  url: string;
  /** The app's database handle (postgres-js driver, pooled). */
  db: Db;
  /** A bare postgres-js client on the same database, for the floors ("same driver"). */
  sql: postgres.Sql;
  /** Every resource in service, the demo ones first. */
  resources: FixtureResource[];
  /** Signed-in actors (demo accounts; password `demo1234` over HTTP). */
  actors: { staff: UserActor[]; admin: UserActor; service: UserActor };
  /** Past bookings written (completed, cancelled, rejected, no-show). */
  pastBookings: number;
  /** Monday 00:00 (org zone) of the first occupied future week; four weeks from there are ~40 % full. */
  weekStart: Date;
  /** Free of bookings on every resource, inside the booking horizon: for modules that write. */
  freeFrom: Date;
  freeTo: Date;
  timeZone: string;
}

/** The built app serving one fixture (only when a production build exists). */
export interface BenchApp {
  /** The app reaching PostgreSQL directly: every timed request goes here. */
  baseUrl: string;
  /** CRON_SECRET the server runs with (for the jobs' HTTP endpoints). */
  cronSecret: string;
  /** A cookie header for a signed-in demo account (good on both instances). */
  cookieFor(email: string): Promise<string>;
  /**
   * The SQL statements that `send` makes the app send, counted on the wire: `send` gets the
   * address of a second instance of the app on the same database whose connections pass
   * through the statement counter (bench/app-server.ts). `send` runs four times: once to warm
   * that instance up, then counted three times (the least is taken). One count at a time.
   */
  countStatements(send: (baseUrl: string) => Promise<unknown>): Promise<number>;
}

export interface BenchContext {
  /** 200 resources, 1,000,000 past bookings (fewer with --smoke), four weeks ahead at ~40 %. */
  main: Fixture;
  /** The same shape with 10 resources, for "does it grow with the number of resources". */
  twin: Fixture;
  /** The app servers for main and twin; null when there is no build (`npm run build`). */
  app: { main: BenchApp; twin: BenchApp } | null;
  /** A tiny fixture and a few samples: the CI smoke. */
  smoke: boolean;
  /** How many samples a path should take (already reduced under --smoke). */
  samples: number;
  log(message: string): void;
}

/** A figure of one side of a comparison, in the unit of the row. */
export interface BenchFigure {
  /** e.g. 'p95 12.3 ms' or '3,410/s'. */
  text: string;
  /** The number the ratio is taken from (p95 ms, throughput …). */
  value: number;
}

export interface BenchRow {
  path: string;
  app: BenchFigure;
  /** The bare-PostgreSQL floor (or the 10-resource twin), null when the goal is absolute. */
  floor: BenchFigure | null;
  /** app / floor (or floor / app for throughputs), null without a floor. */
  ratio: number | null;
  /** e.g. '≤ 2×', '≤ 3× and ≤ 100 ms'. */
  goal: string;
  met: boolean;
  samples: number;
  /** Anything else worth printing (statement counts, result sizes). */
  note?: string;
}
