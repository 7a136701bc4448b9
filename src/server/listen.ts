/**
 * Running the app: listen on host:port (127.0.0.1 unless told otherwise) and shut down gracefully on
 * SIGINT/SIGTERM: stop accepting, let in-flight requests finish (up to a grace period), close the driver.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { UserError } from '../errors.js';

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting connections, waits for open requests (at most graceMs), then resolves. */
  close(graceMs?: number): Promise<void>;
}

export async function listen(app: Express, host: string, port: number): Promise<RunningServer> {
  const server = app.listen({ host, port });
  try {
    await once(server, 'listening');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError('PORT_IN_USE', `port ${port} on ${host} is already in use (use --port)`, { host, port });
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UserError('BAD_HOST', `cannot listen on host ${host}`, { host });
    throw err;
  }
  // Keep-alive sockets outlive a browser's last request; headers must arrive promptly.
  server.keepAliveTimeout = 5_000;
  server.headersTimeout = 10_000;
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
