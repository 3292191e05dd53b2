// Structured logs (pino, through fastify) that never carry a token: requests are
// logged with their method, URL and peer only — never headers, so no Authorization —
// and a `token` query parameter (the WebSocket stream's) is masked in the URL.
import type { FastifyRequest } from 'fastify';

export function maskToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1***');
}

export interface LogOptions {
  level: string;
  /** Where lines go (default stdout). */
  stream?: NodeJS.WritableStream;
}

export function loggerOptions(options: LogOptions) {
  return {
    level: options.level,
    ...(options.stream ? { stream: options.stream } : {}),
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskToken(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
