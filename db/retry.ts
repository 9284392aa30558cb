/**
 * PostgreSQL may abort one of several transactions that wait on each other with a deadlock
 * (40P01) — notably simultaneous inserts checked by the same exclusion constraint, each waiting
 * to see whether the other commits. The victim did nothing wrong; running its transaction again
 * is the remedy PostgreSQL prescribes, and the second run sees the winner's commit.
 */
import { pgErrorCode } from './errors';

const DEADLOCK_DETECTED = '40P01';

export async function retryOnDeadlock<T>(transaction: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (pgErrorCode(error) !== DEADLOCK_DETECTED || attempt >= attempts) throw error;
      // A short random pause, so that the survivors do not meet in the same cycle again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * attempt));
    }
  }
}
