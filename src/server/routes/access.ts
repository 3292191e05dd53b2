// Access: who the caller is (/api/me), tokens (admin: create — the secret shown once —
// list, revoke), and the service's health and readiness probes (no token needed).
import { z } from 'zod';
import { StoreError } from '../../store/store-error.ts';
import type { TokenStore } from '../auth/token-store.ts';
import { type RouteSpec, route, who } from '../http/route.ts';
import { errorBodySchema } from '../schemas/common.ts';
import {
  createdTokenSchema,
  createTokenBody,
  healthSchema,
  meSchema,
  readinessSchema,
  tokenIdParams,
  tokenInfoSchema,
} from '../schemas/token.ts';

export interface Readiness {
  status: 'ready' | 'starting' | 'stopping' | 'unavailable';
  store: string;
  bus: string;
  liveRuns: number;
  message?: string;
}

const bad = (d: string) => ({ description: d, schema: errorBodySchema });

export function accessRoutes(tokens: TokenStore, readiness: () => Promise<Readiness>): RouteSpec[] {
  const started = performance.now();
  return [
    route({
      method: 'GET',
      url: '/health',
      tag: 'service',
      summary: 'Liveness: the process answers',
      role: null,
      responses: { 200: { description: 'Alive', schema: healthSchema } },
      handler: async () => ({
        status: 'ok' as const,
        uptimeS: Math.round((performance.now() - started) / 100) / 10,
      }),
    }),
    route({
      method: 'GET',
      url: '/ready',
      tag: 'service',
      summary: 'Readiness: the store and bus answer and the service is not starting or stopping',
      role: null,
      responses: {
        200: { description: 'Ready', schema: readinessSchema },
        503: { description: 'Not ready', schema: readinessSchema },
      },
      handler: async ({ reply }) => {
        const r = await readiness();
        if (r.status !== 'ready') reply.code(503);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/me',
      tag: 'access',
      summary: 'Who the token is',
      role: 'observer',
      responses: {
        200: { description: 'The token’s name and role', schema: meSchema },
        401: bad('No valid token'),
      },
      handler: async ({ principal }) => {
        const p = who(principal);
        return { name: p.name, role: p.role, tokenId: p.tokenId };
      },
    }),
    route({
      method: 'GET',
      url: '/api/tokens',
      tag: 'access',
      summary: 'List tokens (never their secrets)',
      role: 'admin',
      responses: { 200: { description: 'Tokens', schema: z.array(tokenInfoSchema) } },
      handler: async () => tokens.list(),
    }),
    route({
      method: 'POST',
      url: '/api/tokens',
      tag: 'access',
      summary: 'Create a token for a person or program',
      role: 'admin',
      body: createTokenBody,
      status: 201,
      responses: {
        201: { description: 'The secret, shown this once', schema: createdTokenSchema },
        400: bad('Bad body'),
      },
      handler: async ({ body }) => tokens.create(body.name, body.role),
    }),
    route({
      method: 'DELETE',
      url: '/api/tokens/:tokenId',
      tag: 'access',
      summary: 'Revoke a token',
      role: 'admin',
      params: tokenIdParams,
      status: 204,
      responses: {
        204: { description: 'Revoked' },
        404: bad('No such token (or the environment’s admin token)'),
      },
      handler: async ({ params }) => {
        if (!tokens.revoke(params.tokenId))
          throw new StoreError('not-found', `no token '${params.tokenId}' to revoke`);
      },
    }),
  ];
}
