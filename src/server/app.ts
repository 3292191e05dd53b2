// The HTTP and WebSocket application of `vigil serve` (issue 6), built on a store, a
// bus and the token list: the REST routes, the /ws stream, the OpenAPI document at
// /openapi.json with browsable docs at /docs, health and readiness, and the operator
// console's static files (web/dist) at / when they are built; with a centre, the
// exchange between warning centres (routes/exchange.ts). Every failure answers with
// the same error body (http/api-error.ts). Limits: a request rate per token
// (limits/request-limits.ts), a size for every body and stream message, and timeouts
// on every connection.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { MessageBus } from '../bus/message-bus.ts';
import type { EventStore } from '../store/event-store.ts';
import { authorise } from './auth/authenticate.ts';
import type { TokenStore } from './auth/token-store.ts';
import { type ExchangeOptions, ExchangeService } from './exchange/exchange-service.ts';
import { ApiError, errorResponse } from './http/api-error.ts';
import { registerRoutes, TEXT_BODY_TYPES } from './http/route.ts';
import { RequestLimits } from './limits/request-limits.ts';
import type { RateLimit } from './limits/token-buckets.ts';
import { type LogOptions, loggerOptions } from './logging.ts';
import { openApiDocument } from './openapi.ts';
import { accessRoutes, type Readiness } from './routes/access.ts';
import { exchangeRoutes } from './routes/exchange.ts';
import { operatorRoutes } from './routes/operator.ts';
import { pictureRoutes } from './routes/picture.ts';
import { runRoutes } from './routes/runs.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { statusRoutes } from './routes/status.ts';
import { truthRoutes } from './routes/truth.ts';
import { RunManager } from './runs/run-manager.ts';
import { StreamHub } from './ws/stream-hub.ts';

const REPO = resolve(import.meta.dirname, '../..');
export const VERSION = '0.1.0';

/** Largest body outside scenario uploads, bytes. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;
/** Largest client message on the stream, bytes. */
const MAX_STREAM_MESSAGE = 16 * 1024;
/** A socket silent this long is closed (the stream pings every 30 s, so it is never idle that long), ms. */
const CONNECTION_TIMEOUT_MS = 60_000;
/** The whole request — headers and body — must arrive within this, ms (slow senders hold no socket for long). */
const REQUEST_TIMEOUT_MS = 30_000;

export interface AppOptions {
  store: EventStore;
  bus: MessageBus;
  tokens: TokenStore;
  log?: LogOptions | false;
  /** The console's built files; default web/dist of this checkout, served when it holds index.html. */
  webRoot?: string;
  bundledScenariosDir?: string;
  bodyLimit?: number;
  /** Check every answer against its documented schema (tests). */
  checkResponses?: boolean;
  tickMs?: number;
  stream?: { maxQueued?: number; maxInFlightBytes?: number; pingMs?: number };
  /** Requests a second per token (or client address, or exchange partner); default none (startService sets one). */
  rateLimit?: RateLimit | null;
  /** The rate limit's clock, ms (tests step it). */
  clock?: () => number;
  /** This centre's exchange with its partners; without it the exchange routes answer 404. */
  exchange?: ExchangeOptions;
}

export interface App {
  app: FastifyInstance;
  runs: RunManager;
  hub: StreamHub;
  exchange: ExchangeService | null;
  limits: RequestLimits;
  /** Readiness as /ready reports it; `stopping` once close() began. */
  setState(state: 'starting' | 'ready' | 'stopping'): void;
  /**
   * Stops taking requests, closes the stream, stops the exchange's courier and closes
   * its store, pauses running runs to go on at the next start.
   */
  close(): Promise<void>;
}

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.log ? loggerOptions(options.log) : false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    // A broken escape or an over-long name in the path is refused by the router itself: same error body.
    frameworkErrors: (err, _request, reply) => {
      const { status, body } = errorResponse(err);
      (reply as FastifyReply).code(status).send(body);
    },
  });
  const runs = new RunManager({
    store: options.store,
    bus: options.bus,
    log: app.log,
    ...(options.tickMs ? { tickMs: options.tickMs } : {}),
  });
  const exchange = options.exchange ? new ExchangeService(options.exchange, runs, app.log) : null;
  const limits = new RequestLimits(options.tokens, options.rateLimit ?? null, options.clock);
  const hub = new StreamHub({
    runs,
    log: app.log,
    admit: (principal) => limits.streamMessage(principal),
    ...(options.stream ?? {}),
  });
  app.addHook('onRequest', limits.onRequest);
  let state: 'starting' | 'ready' | 'stopping' = 'starting';

  app.addContentTypeParser([...TEXT_BODY_TYPES], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((err, request, reply) => {
    const { status, body, internal } = errorResponse(err);
    if (internal) request.log.error({ err }, 'request failed');
    if (status === 413) limits.counts.tooLarge++;
    if (status === 401) reply.header('www-authenticate', 'Bearer');
    reply.code(status).send(body);
  });
  const webRoot = options.webRoot ?? join(REPO, 'web/dist');
  const hasConsole = existsSync(join(webRoot, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // The console routes its own pages: a page address that is no file gets index.html.
    if (
      hasConsole &&
      request.method === 'GET' &&
      !/^\/(api|ws|exchange|docs|openapi\.json)(\/|$)/.test(path) &&
      (request.headers.accept ?? '').includes('text/html')
    )
      return reply.type('text/html; charset=utf-8').sendFile('index.html', webRoot);
    const { status, body } = errorResponse(new ApiError(404, `no route ${request.method} ${path}`));
    return reply.code(status).send(body);
  });

  const readiness = async (): Promise<Readiness> => {
    const base = { store: options.store.kind, bus: options.bus.kind, liveRuns: runs.loadedCount };
    if (state !== 'ready') return { ...base, status: state };
    try {
      await options.store.getRun('readiness-probe');
      return { ...base, status: 'ready' };
    } catch (err) {
      return {
        ...base,
        status: 'unavailable',
        message: `the store does not answer: ${(err as Error).message}`,
      };
    }
  };
  const routes = [
    ...accessRoutes(options.tokens, readiness),
    ...scenarioRoutes(options.store, options.bundledScenariosDir ?? join(REPO, 'scenarios')),
    ...runRoutes(runs),
    ...pictureRoutes(options.store, runs),
    ...truthRoutes(options.store, runs),
    ...operatorRoutes(options.store, runs),
    ...exchangeRoutes(exchange, limits),
    ...statusRoutes({
      version: VERSION,
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      limits,
      streamClients: () => hub.clientCount,
    }),
  ];
  const document = openApiDocument(routes, VERSION);
  registerRoutes(app, routes, { tokens: options.tokens, checkResponses: options.checkResponses ?? false });
  app.get('/openapi.json', async () => document);

  await app.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  await app.register(fastifyWebsocket, { options: { maxPayload: MAX_STREAM_MESSAGE } });
  app.get(
    '/ws',
    {
      websocket: true,
      preValidation: async (request) => {
        (request as { principal?: unknown }).principal = authorise(options.tokens, request, 'observer', true);
      },
    },
    (socket, request) => {
      hub.connect(
        socket,
        (request as unknown as { principal: Parameters<StreamHub['connect']>[1] }).principal,
      );
    },
  );

  if (hasConsole) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><meta charset="utf-8"><title>vigil</title><h1>vigil service</h1><p>The operator console is not built (web/dist). The API: <a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a>.</p>',
        ),
    );
  }

  return {
    app,
    runs,
    hub,
    exchange,
    limits,
    setState(s) {
      state = s;
    },
    async close() {
      state = 'stopping';
      hub.close();
      await app.close();
      await exchange?.close();
      await runs.close();
    },
  };
}
