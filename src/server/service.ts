// `vigil serve` as a service: opens the store (SQLite under ./vigil-data by default,
// PostgreSQL with a postgres:// URL) and the bus (in-process by default, NATS with a
// nats:// URL), makes sure an admin can get in, deals with runs a previous process
// left behind (resumed from their last stored step, or marked failed), opens the
// centre's exchange when it is given one, and listens. Requests are limited per token
// (50 a second, bursts of 100, by default). close() stops taking requests, stops the
// exchange courier, pauses running runs to go on at the next start, and flushes and
// closes the bus and the stores.
import { join } from 'node:path';
import { openBus } from '../bus/open-bus.ts';
import { DEFAULT_STORE_PATH, openStore } from '../store/open-store.ts';
import type { RecoveryAction } from '../store/records.ts';
import { buildApp } from './app.ts';
import { TokenStore } from './auth/token-store.ts';
import type { ExchangeOptions } from './exchange/exchange-service.ts';
import { DEFAULT_RATE_LIMIT } from './limits/request-limits.ts';
import type { RateLimit } from './limits/token-buckets.ts';

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
  /** Requests a second per token (or address, or partner); default DEFAULT_RATE_LIMIT, null: none. */
  rateLimit?: RateLimit | null;
  /** This centre's exchange (its home directory holds exchange.db and the key). */
  exchange?: ExchangeOptions;
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
  let service: Awaited<ReturnType<typeof buildApp>>;
  try {
    service = await buildApp({
      store,
      bus,
      tokens,
      log: { level: options.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
      rateLimit: options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit,
      ...(options.exchange ? { exchange: options.exchange } : {}),
    });
  } catch (err) {
    // No exchange key, say: nothing was started, so only the stores are closed.
    await bus.close();
    await store.close();
    throw err;
  }
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
