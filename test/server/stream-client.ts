// A WebSocket stream client for the tests: connects through fastify's injectWS, keeps
// every message, checks each against the documented message schema, and waits for
// the one a test expects.
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { type ServerMessage, serverMessageSchema } from '../../src/server/schemas/stream.ts';

export interface StreamClient {
  ws: WebSocket;
  messages: ServerMessage[];
  send(message: unknown): void;
  /** The first message from index `from` on that matches. */
  next<T extends ServerMessage['type']>(
    type: T,
    match?: (m: Extract<ServerMessage, { type: T }>) => boolean,
    from?: number,
    timeoutMs?: number,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  close(): void;
}

export async function connectStream(app: FastifyInstance, token: string): Promise<StreamClient> {
  const messages: ServerMessage[] = [];
  const waiters = new Set<() => void>();
  const ws = await app.injectWS(
    `/ws?token=${encodeURIComponent(token)}`,
    {},
    {
      onInit: (socket) => {
        socket.on('message', (data) => {
          const parsed = serverMessageSchema.safeParse(JSON.parse(String(data)));
          if (!parsed.success) throw new Error(`undocumented stream message: ${String(data).slice(0, 300)}`);
          messages.push(parsed.data);
          for (const w of waiters) w();
        });
      },
    },
  );
  return {
    ws,
    messages,
    send: (message) => ws.send(JSON.stringify(message)),
    next(type, match = () => true, from = 0, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (let i = from; i < messages.length; i++) {
            const m = messages[i]!;
            if (m.type === type && match(m as never)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(m as never);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no '${type}' message within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => ws.terminate(),
  };
}
