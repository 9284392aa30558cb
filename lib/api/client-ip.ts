/**
 * The client's address for the public channel's per-address rate limit.
 *
 * Route handlers see no socket. Next's server puts the socket's address in `x-forwarded-for`
 * when the request arrived without one; a reverse proxy appends the address it saw. So the
 * entry to trust is counted from the right: `TRUST_PROXY` = the number of proxies in front of
 * the app that append (or set) the header — 0 or unset when clients connect directly, 1 behind
 * one nginx/Caddy/load balancer. With N proxies the N-th entry from the right is what the
 * outermost one of ours saw; everything left of it was written by the client and is ignored.
 *
 * The trust assumption: with TRUST_PROXY unset and no proxy, a client that sends its own
 * `x-forwarded-for` chooses its bucket (Next keeps a header it is given). Public deployments
 * therefore run behind a proxy that sets the header, with TRUST_PROXY set to match; the
 * per-e-mail limit and the open-request cap hold whatever the address.
 */
import { isIP } from 'node:net';

export function clientIp(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  const proxies = Math.max(1, Number.parseInt(env.TRUST_PROXY ?? '', 10) || 0);
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = forwarded.at(-Math.min(proxies, forwarded.length)) ?? headers.get('x-real-ip') ?? '';
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
