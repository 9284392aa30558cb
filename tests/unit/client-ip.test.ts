/**
 * Which address the per-address rate limit counts (lib/api/client-ip.ts), and the preload that
 * supplies it (scripts/socket-address.cjs), run in a real Node process with a real HTTP server.
 */
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientIp, SOCKET_ADDRESS_HEADER } from '@/lib/api/client-ip';
import { SOCKET_ADDRESS_PRELOAD } from '../helpers/app-server';

const headers = (socket?: string, forwarded?: string, realIp?: string) =>
  new Headers({
    ...(socket !== undefined && { [SOCKET_ADDRESS_HEADER]: socket }),
    ...(forwarded && { 'x-forwarded-for': forwarded }),
    ...(realIp && { 'x-real-ip': realIp }),
  });

describe('clientIp', () => {
  it('directly exposed (TRUST_PROXY unset or 0): only the socket address counts', () => {
    for (const env of [{}, { TRUST_PROXY: '0' }, { TRUST_PROXY: 'no' }]) {
      expect(clientIp(headers('203.0.113.7', '6.6.6.6', '7.7.7.7'), env)).toBe('203.0.113.7');
      expect(clientIp(headers('::ffff:203.0.113.7', '6.6.6.6'), env)).toBe('203.0.113.7');
    }
  });

  it('behind N proxies: the N-th entry from the right; what the client wrote further left is ignored', () => {
    expect(clientIp(headers('10.0.0.2', '6.6.6.6, 203.0.113.7'), { TRUST_PROXY: '1' })).toBe('203.0.113.7');
    expect(clientIp(headers('10.0.0.3', '6.6.6.6, 203.0.113.7, 10.0.0.2'), { TRUST_PROXY: '2' })).toBe('203.0.113.7');
    expect(clientIp(headers('10.0.0.2', '[2001:db8::1]:443'), { TRUST_PROXY: '1' })).toBe('2001:db8::1');
  });

  it('a request that did not pass through every proxy counts by its socket', () => {
    expect(clientIp(headers('198.51.100.4', '6.6.6.6'), { TRUST_PROXY: '2' })).toBe('198.51.100.4');
    expect(clientIp(headers('198.51.100.4'), { TRUST_PROXY: '1' })).toBe('198.51.100.4');
  });

  it('no usable address: one shared unknown bucket, never a header the client chose', () => {
    expect(clientIp(headers(undefined, '6.6.6.6', '7.7.7.7'), {})).toBe('unknown');
    expect(clientIp(headers('not an address'), {})).toBe('unknown');
  });
});

/**
 * A child process with the preload and a plain HTTP server that answers with the headers it
 * was given; the request claims another socket address and a forwarded chain.
 */
async function headersSeenWithPreload(sent: Record<string, string>): Promise<Record<string, string>> {
  const server = spawn(
    process.execPath,
    [
      '--require',
      SOCKET_ADDRESS_PRELOAD,
      '-e',
      `const s = require('node:http').createServer((q, r) => r.end(JSON.stringify(q.headers)));
       s.listen(0, '127.0.0.1', () => console.log(s.address().port));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve) => server.stdout!.once('data', (d) => resolve(Number(String(d).trim()))));
    return await new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, headers: sent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(JSON.parse(body)));
      });
      req.on('error', reject);
      req.end();
    });
  } finally {
    server.kill();
  }
}

describe('the socket-address preload', () => {
  it('replaces a client-sent socket-address header with the real peer address', async () => {
    const seen = await headersSeenWithPreload({ [SOCKET_ADDRESS_HEADER]: '6.6.6.6', 'x-forwarded-for': '7.7.7.7' });
    expect(seen[SOCKET_ADDRESS_HEADER]).toBe('127.0.0.1');
    expect(seen['x-forwarded-for']).toBe('7.7.7.7');
    expect(clientIp(new Headers(seen), {})).toBe('127.0.0.1');
  });
});
