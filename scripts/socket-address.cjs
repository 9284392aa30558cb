/**
 * Preloaded into the app's server process (`npm start` sets NODE_OPTIONS=--require with this
 * file): on every incoming HTTP request it removes any client-sent `x-booking-socket-address`
 * header and sets it to the address of the TCP peer. Route handlers and server actions see no
 * socket, so this is how the per-address rate limit (lib/api/client-ip.ts) learns who is really
 * connected instead of trusting headers the client wrote. The production server refuses to
 * start without it (lib/startup.ts), because without it that header could be forged.
 *
 * Plain CommonJS with no dependencies: it runs before Next.js and before any TypeScript loader.
 */
'use strict';
// A --require preload is CommonJS by definition.
/* eslint-disable @typescript-eslint/no-require-imports */

const http = require('node:http');
const https = require('node:https');

const HEADER = 'x-booking-socket-address';

for (const Server of [http.Server, https.Server]) {
  const emit = Server.prototype.emit;
  Server.prototype.emit = function emitWithSocketAddress(event, request, ...rest) {
    if (event === 'request' && request && request.headers) {
      // Node joins repeated headers into one; deleting first means a client-sent value never survives.
      delete request.headers[HEADER];
      request.headers[HEADER] = (request.socket && request.socket.remoteAddress) || '';
    }
    return emit.call(this, event, request, ...rest);
  };
}

// The marker the start-up check looks for: set only by this file, never by configuration.
globalThis[Symbol.for('booking.socketAddressHeader')] = HEADER;
