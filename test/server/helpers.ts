// A service under test: the app on a throwaway in-memory SQLite store and the
// in-process bus, a token for each role, logs captured as lines, and every answer
// checked against its documented schema. Scenarios from the bundled files, shortened
// where a test needs no more than the first minutes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { MessageBus } from '../../src/bus/message-bus.ts';
import { openBus } from '../../src/bus/open-bus.ts';
import { type App, type AppOptions, buildApp } from '../../src/server/app.ts';
import { TokenStore } from '../../src/server/auth/token-store.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { openStore } from '../../src/store/open-store.ts';

export const REPO = resolve(import.meta.dirname, '../..');

export function bundled(id: string): string {
  return readFileSync(resolve(REPO, 'scenarios', `${id}.yaml`), 'utf8');
}

/** The polar ICBM, cut to `minutes` (its first alerts come in the third minute, the attack warning in the sixth). */
export function polar(minutes = 45): string {
  return bundled('polar-icbm').replace(/^duration: .*$/m, `duration: ${minutes}m`);
}

export interface TestService extends App {
  store: EventStore;
  bus: MessageBus;
  tokens: TokenStore;
  admin: string;
  operator: string;
  observer: string;
  logs: string[];
  dispose(): Promise<void>;
}

export async function testService(
  options: Partial<Omit<AppOptions, 'store' | 'bus' | 'tokens'>> & {
    db?: string;
    openBus?: () => Promise<MessageBus>;
  } = {},
): Promise<TestService> {
  const { db, openBus: busOf, ...appOptions } = options;
  const store = await openStore(db ?? 'sqlite::memory:');
  const bus = await (busOf ?? openBus)();
  const tokens = new TokenStore(null);
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp({
    store,
    bus,
    tokens,
    log: { level: 'info', stream },
    checkResponses: true,
    ...appOptions,
  });
  await app.app.ready();
  app.setState('ready');
  return {
    ...app,
    store,
    bus,
    tokens,
    admin: tokens.create('admin-1', 'admin').token,
    operator: tokens.create('duty-officer', 'operator').token,
    observer: tokens.create('student', 'observer').token,
    logs,
    async dispose() {
      await app.close();
      await bus.close();
      await store.close();
    },
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function call(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  token: string | null,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: token ? bearer(token) : {},
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

/** The answer's JSON after checking its status (its shape is checked by the server against its documented schema). */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely; checkResponses checks their shapes
export function json<T = any>(response: LightMyRequestResponse, status: number): T {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function storeScenario(s: TestService, name: string, text: string): Promise<void> {
  json(await call(s.app, 'POST', '/api/scenarios', s.admin, { name, text }), 201);
}

export async function startRun(s: TestService, body: Record<string, unknown>): Promise<RunView> {
  return json<RunView>(await call(s.app, 'POST', '/api/runs', s.admin, body), 201);
}

export async function runView(s: TestService, id: string): Promise<RunView> {
  return json<RunView>(await call(s.app, 'GET', `/api/runs/${id}`, s.observer), 200);
}

export function finished(s: TestService, id: string, timeoutMs?: number): Promise<RunView> {
  return waitFor(
    `run ${id} to finish`,
    async () => {
      const v = await runView(s, id);
      if (v.status === 'failed') throw new Error(`run failed: ${v.statusReason}`);
      return v.status === 'finished' ? v : null;
    },
    timeoutMs,
  );
}
