// Every call to PostgreSQL has a timeout: a server that accepts the connection and
// then says nothing (a hung proxy, a stopped host behind a live port) makes opening
// the store fail within the connect timeout, with an error — never a hang.

import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresDatabase } from '../../src/store/postgres-database.ts';

let server: Server | null = null;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  server = null;
});

describe('PostgreSQL timeouts', () => {
  it('a server that accepts and never answers fails the open within the connect timeout', async () => {
    server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    const url = `postgres://postgres@127.0.0.1:${port}/test`;
    const t0 = Date.now();
    // A schema of its own makes the open talk to the server at once.
    await expect(
      openPostgresDatabase(url, 'vigil_timeout', { connectMs: 300, queryMs: 300 }),
    ).rejects.toThrow(/timeout/i);
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(10_000);
  });
});
