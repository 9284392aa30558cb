/**
 * Run-time settings read from the environment. Each is read when first needed, never at import,
 * so that `next build` runs without them.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from './config-error';

let generatedSecret: string | undefined;

/** Where development keeps its generated secret: beside the embedded database in `.data/`. */
export const devSecretPath = () => join(process.cwd(), '.data', 'auth-secret');

/**
 * The key that signs session cookies. Production must set AUTH_SECRET. In development and tests
 * a random secret is generated once and kept in `.data/`, so a newcomer needs no setup and
 * sessions survive a restart.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  if (env.NODE_ENV === 'production') {
    throw new ConfigError('AUTH_SECRET is not set: generate one with `openssl rand -base64 32`');
  }
  generatedSecret ??= readOrCreateSecret(devSecretPath());
  return generatedSecret;
}

function readOrCreateSecret(path: string): string {
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64');
  try {
    // `wx`: if another process created the file meanwhile, keep theirs.
    writeFileSync(path, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(path, 'utf8').trim();
  }
}

/** Development conveniences (demo-account hint) show only outside production. */
export const isProduction = () => process.env.NODE_ENV === 'production';
