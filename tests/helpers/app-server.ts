/**
 * Starting the built app as `npm start` does, for tests that run production servers: `next start`
 * with the socket-address preload (scripts/socket-address.cjs) in NODE_OPTIONS.
 */
import { fileURLToPath } from 'node:url';

export const SOCKET_ADDRESS_PRELOAD = fileURLToPath(new URL('../../scripts/socket-address.cjs', import.meta.url));

/** `env` plus the preload, as `npm start` sets it. */
export function withSocketAddressPreload(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: `--require ${SOCKET_ADDRESS_PRELOAD} ${env.NODE_OPTIONS ?? ''}`.trim() };
}
