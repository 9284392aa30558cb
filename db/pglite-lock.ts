import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from './config-error';

/**
 * PGlite has no lock between processes: a second process writing the same data directory
 * corrupts it for good. Each opener takes a pid lockfile beside the directory and refuses to
 * open while another live process holds it.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        try {
          if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(lockPath, 'utf8').trim());
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new ConfigError(
          `The embedded database in ${dataDir} is in use by another process (pid ${holder}): ` +
            'the app is running. Stop it first, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      // The holder died without cleaning up: the lock is stale.
      unlinkSync(lockPath);
    }
  }
  throw new ConfigError(`Could not take the lock ${lockPath}; remove it if no app is running.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
