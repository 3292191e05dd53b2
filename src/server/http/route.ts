// A route of the API declared once: method, path, the role it needs, zod schemas of
// its path parameters, query, body and answers, and its handler. Registration checks
// the token and each request part with those schemas; the OpenAPI document
// (openapi.ts) is generated from the same declarations, so the documentation cannot
// drift from what the server accepts. With `checkResponses` (the tests) every answer
// is also checked against its documented schema.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import { authorise } from '../auth/authenticate.ts';
import type { Principal, Role } from '../auth/roles.ts';
import type { TokenStore } from '../auth/token-store.ts';
import { checkPart } from './validate.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteResponse {
  description: string;
  schema?: z.ZodType;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** null only on routes that need no token. */
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: HttpMethod;
  /** Fastify path syntax: `/api/runs/:id`. */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  /** The least role allowed; null: no token needed. */
  role: Role | null;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Also take the body as YAML or plain text, handed to the schema as `{ text }`. */
  textBody?: boolean;
  /**
   * Take a JSON body as its text, unchecked: the handler checks it (the exchange inbox
   * verifies signatures over what was sent). `body` then only documents it.
   */
  rawJson?: boolean;
  /** Largest body, bytes (default: the server's). */
  bodyLimit?: number;
  /** The success status (default 200; 204 answers no body). */
  status?: number;
  responses: Record<number, RouteResponse>;
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown>;
}

/** The principal of a route that needs a role (never null there). */
export function who(principal: Principal | null): Principal {
  if (!principal) throw new Error('a route needing a role ran without a principal');
  return principal;
}

/** Keeps each route's parameter, query and body types tied to its schemas. */
export function route<P = unknown, Q = unknown, B = unknown>(spec: RouteSpec<P, Q, B>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export const TEXT_BODY_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'] as const;

export interface RegisterOptions {
  tokens: TokenStore;
  /** Check each answer against its documented schema (tests). */
  checkResponses: boolean;
}

export function registerRoutes(
  app: FastifyInstance,
  routes: readonly RouteSpec[],
  options: RegisterOptions,
): void {
  for (const spec of routes.filter((r) => !r.rawJson)) app.route(routeOptions(spec, options));
  const raw = routes.filter((r) => r.rawJson);
  if (raw.length === 0) return;
  // In a context of their own, so only these routes get JSON unparsed.
  void app.register(async (child) => {
    child.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    for (const spec of raw) child.route(routeOptions(spec, options));
  });
}

function routeOptions(spec: RouteSpec, options: RegisterOptions): RouteOptions {
  return {
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit === undefined ? {} : { bodyLimit: spec.bodyLimit }),
    handler: async (request, reply) => {
      const principal = spec.role === null ? null : authorise(options.tokens, request, spec.role);
      const params = spec.params ? checkPart(spec.params, request.params, 'path') : undefined;
      const query = spec.query ? checkPart(spec.query, request.query ?? {}, 'query') : undefined;
      let rawBody: unknown = request.body;
      if (spec.textBody && typeof rawBody === 'string') rawBody = { text: rawBody };
      const body = spec.body && !spec.rawJson ? checkPart(spec.body, rawBody ?? {}, 'request body') : rawBody;
      const result = await spec.handler({ params, query, body, principal, request, reply });
      // A handler may answer another documented status itself (readiness: 503).
      const status = reply.statusCode !== 200 ? reply.statusCode : (spec.status ?? 200);
      if (options.checkResponses) {
        const documented = spec.responses[status];
        if (!documented) throw new Error(`${spec.method} ${spec.url}: status ${status} is not documented`);
        if (documented.schema) {
          const checked = documented.schema.safeParse(result);
          if (!checked.success)
            throw new Error(
              `${spec.method} ${spec.url}: the answer does not match its documented schema: ${JSON.stringify(checked.error.issues.slice(0, 3))}`,
            );
        }
      }
      reply.code(status);
      return status === 204 ? reply.send() : result;
    },
  };
}
