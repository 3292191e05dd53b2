// The service's own state for those watching it: its version and uptime, the stream's
// clients, and its limits with how many requests they refused since the start
// (limits/request-limits.ts).
import { z } from 'zod';
import { type RouteSpec, route } from '../http/route.ts';
import type { RequestLimits } from '../limits/request-limits.ts';

const statusSchema = z
  .object({
    version: z.string(),
    uptimeS: z.number(),
    streamClients: z.int(),
    limits: z.object({
      rate: z.object({ ratePerS: z.number(), burst: z.number() }).nullable().meta({
        description: 'Requests a second per token (or client address, or exchange partner); null: none.',
      }),
      bodyBytes: z
        .int()
        .meta({ description: 'Largest body outside scenario uploads and the exchange inbox.' }),
      limited: z
        .object({ token: z.int(), address: z.int(), sender: z.int() })
        .meta({ description: 'Requests refused with 429 since the start, by whose bucket was empty.' }),
      tooLarge: z.int().meta({ description: 'Bodies refused with 413 since the start.' }),
    }),
  })
  .meta({ id: 'ServiceStatus' });

export interface StatusSources {
  version: string;
  bodyLimit: number;
  limits: RequestLimits;
  streamClients: () => number;
}

export function statusRoutes(sources: StatusSources): RouteSpec[] {
  const started = performance.now();
  return [
    route({
      method: 'GET',
      url: '/api/status',
      tag: 'service',
      summary: 'The service: version, uptime, stream clients, limits and what they refused',
      role: 'observer',
      responses: { 200: { description: 'The service', schema: statusSchema } },
      handler: async () => ({
        version: sources.version,
        uptimeS: Math.round((performance.now() - started) / 100) / 10,
        streamClients: sources.streamClients(),
        limits: {
          rate: sources.limits.rate,
          bodyBytes: sources.bodyLimit,
          limited: { ...sources.limits.counts.limited },
          tooLarge: sources.limits.counts.tooLarge,
        },
      }),
    }),
  ];
}
