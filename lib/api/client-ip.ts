/**
 * The client's address for the public channel's per-address rate limit.
 *
 * Route handlers and server actions see no socket, so the server process is started with a
 * preload (scripts/socket-address.cjs, part of `npm start`) that writes the TCP peer's address
 * into the `x-booking-socket-address` header of every request, replacing whatever a client sent
 * under that name. The production server refuses to start without it (lib/startup.ts).
 *
 * `TRUST_PROXY` = the number of reverse proxies in front of the app that append to
 * `x-forwarded-for` (nginx, Caddy, a load balancer):
 * - unset or 0: clients connect directly; only the socket address counts and any
 *   `x-forwarded-for` or `x-real-ip` a client sends is ignored;
 * - N ≥ 1: the N-th entry from the right of `x-forwarded-for` is what the outermost of our
 *   proxies saw; everything left of it was written by the client and is ignored. A request
 *   with fewer entries did not pass through all of them and counts by its socket address.
 */
import { isIP } from 'node:net';

export const SOCKET_ADDRESS_HEADER = 'x-booking-socket-address';

/** Whether this process was started with the socket-address preload. */
export function socketAddressPreloaded(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('booking.socketAddressHeader')] === SOCKET_ADDRESS_HEADER;
}

export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const proxies = Math.max(0, Number.parseInt(env.TRUST_PROXY ?? '', 10) || 0);
  const socket = headers.get(SOCKET_ADDRESS_HEADER) ?? '';
  let candidate = socket;
  if (proxies > 0) {
    const forwarded = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (forwarded.length >= proxies) candidate = forwarded.at(-proxies)!;
  }
  return normalizeIp(candidate) ?? 'unknown';
}

/** Strips a port, IPv6 brackets and the IPv4-mapped prefix; anything not an address is unknown. */
function normalizeIp(value: string): string | undefined {
  let ip = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  if (bracketed) ip = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  ip = ip.replace(/^::ffff:(?=\d{1,3}(?:\.\d{1,3}){3}$)/i, '').toLowerCase();
  return isIP(ip) ? ip : undefined;
}
