/**
 * For development and single-machine installs: the app runs every job itself once a minute
 * (set DISABLE_SCHEDULER=1 where an external cron calls /api/cron/<job> instead). A tick that
 * is still running when the next is due is skipped rather than overlapped; a failing job is
 * logged and the others still run.
 */
import { getDb } from '@/db';
import { jobNames, runJob } from './index';

const INTERVAL_MS = 60_000;
/** The first run waits a little, so start-up (migrations, warm-up) finishes first. */
const FIRST_RUN_MS = 5_000;

const state = globalThis as typeof globalThis & { __bookingScheduler?: { timer: NodeJS.Timeout; running: boolean } };

export function startScheduler(): void {
  if (process.env.DISABLE_SCHEDULER === '1' || state.__bookingScheduler) return;
  const scheduler = { running: false, timer: setTimeout(tick, FIRST_RUN_MS) };
  state.__bookingScheduler = scheduler;

  async function tick() {
    if (!scheduler.running) {
      scheduler.running = true;
      try {
        await runAll();
      } finally {
        scheduler.running = false;
      }
    }
    scheduler.timer = setTimeout(tick, INTERVAL_MS);
    // Never keep a process alive just for the timer (scripts, tests).
    scheduler.timer.unref();
  }
  scheduler.timer.unref();
}

async function runAll(): Promise<void> {
  let db;
  try {
    db = await getDb();
  } catch (error) {
    console.error('[scheduler] database unavailable:', (error as Error).message);
    return;
  }
  for (const name of jobNames) {
    try {
      const counts = await runJob(db, name);
      if (Object.values(counts).some((n) => n > 0)) console.log(`[scheduler] ${name}`, counts);
    } catch (error) {
      console.error(`[scheduler] ${name} failed:`, error);
    }
  }
}
