// `vigil serve` as a service: opens the store (SQLite under ./vigil-data by default,
// PostgreSQL with a postgres:// URL) and the bus (in-process by default, NATS with a
// nats:// URL), makes sure an admin can get in, deals with runs a previous process
// left behind (resumed from their last stored step, or marked failed), and listens.
// close() stops taking requests, pauses running runs to go on at the next start,
// and flushes and closes the bus and the store.
import { join } from 'node:path';
import { openBus } from '../bus/open-bus.ts';
import { DEFAULT_STORE_PATH, openStore } from '../store/open-store.ts';
import type { RecoveryAction } from '../store/records.ts';
import { buildApp } from './app.ts';
import { TokenStore } from './auth/token-store.ts';

export const DEFAULT_TOKENS_PATH = join(DEFAULT_STORE_PATH, '../tokens.json');

export interface ServiceOptions {
  port: number;
  host: string;
  /** Database URL (open-store.ts); default the SQLite file under ./vigil-data. */
  db?: string;
  /** Bus URL (open-bus.ts); default in-process. */
  bus?: string;
  tokensPath: string;
  /** VIGIL_ADMIN_TOKEN, when set. */
  adminToken?: string;
  /** What to do with runs a stopped process was writing. */
  onInterrupted: RecoveryAction;
  logLevel: string;
  logStream?: NodeJS.WritableStream;
  webRoot?: string;
}

export interface RunningService {
  url: string;
  port: number;
  /** A new admin token to show once (first start without VIGIL_ADMIN_TOKEN), else null. */
  newAdminToken: string | null;
  recovered: { resumed: string[]; failed: string[] };
  close(): Promise<void>;
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  const tokens = new TokenStore(options.tokensPath);
  const newAdminToken = tokens.ensureAdmin(options.adminToken);
  const store = await openStore(options.db);
  let bus: Awaited<ReturnType<typeof openBus>>;
  try {
    bus = await openBus(options.bus);
  } catch (err) {
    await store.close();
    throw err;
  }
  const service = await buildApp({
    store,
    bus,
    tokens,
    log: { level: options.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    ...(options.webRoot ? { webRoot: options.webRoot } : {}),
  });
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await service.close();
      await bus.close();
      await store.close();
      service.app.log.info('service stopped; store closed');
    })());
  try {
    const recovered = await service.runs.recover(options.onInterrupted);
    await service.app.listen({ port: options.port, host: options.host });
    service.setState('ready');
    const address = service.app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    return { url: `http://${host}:${port}`, port, newAdminToken, recovered, close };
  } catch (err) {
    await close();
    throw err;
  }
}
