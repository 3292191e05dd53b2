// Fuzzing the WebSocket stream's client messages (/ws): random text, binary frames,
// invalid JSON, valid JSON of the wrong shape, valid messages with fields mutated,
// invalid UTF-8 and frames over the size limit. Each frame gets an answer — `error`,
// or the answer a valid message earns — or the connection is closed; every message
// the server sends is a documented one; and the server stays up: after each frame a
// ping is answered (on a new connection when the old one was closed).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { serverMessageSchema } from '../../src/server/schemas/stream.ts';
import { polar, startRun, storeScenario, type TestService, testService } from '../server/helpers.ts';
import { fuzzAsync, fuzzDetail, mutatedData, NASTY_STRINGS, preview } from './arbitraries.ts';
import { reportFigure } from './figures.ts';

/** The stream's limit on one client message, bytes (app.ts). */
const MAX_MESSAGE = 16 * 1024;

let s: TestService;
beforeAll(async () => {
  s = await testService({ tickMs: 50 });
  await storeScenario(s, 'base', polar(1));
  await startRun(s, { scenario: 'base', paused: true, id: 'target' });
});
afterAll(async () => s?.dispose());

interface Connection {
  ws: WebSocket;
  messages: Array<{ type: string; id?: string; message?: string }>;
  closed: boolean;
  undocumented: string[];
}

async function connect(): Promise<Connection> {
  const c: Connection = { ws: null as unknown as WebSocket, messages: [], closed: false, undocumented: [] };
  c.ws = await s.app.injectWS(
    `/ws?token=${encodeURIComponent(s.observer)}`,
    {},
    {
      onInit: (socket) => {
        socket.on('message', (data) => {
          let parsed: ReturnType<typeof serverMessageSchema.safeParse> | null = null;
          try {
            parsed = serverMessageSchema.safeParse(JSON.parse(String(data)));
          } catch {
            // not JSON: recorded below
          }
          if (!parsed?.success) c.undocumented.push(String(data).slice(0, 300));
          else c.messages.push(parsed.data as Connection['messages'][number]);
        });
        socket.on('close', () => {
          c.closed = true;
        });
      },
    },
  );
  return c;
}

/** Waits for the pong to ping `id`, or for the connection to close; false on close. */
async function pingAnswered(c: Connection, id: string, timeoutMs = 5_000): Promise<boolean> {
  if (!c.closed) c.ws.send(JSON.stringify({ type: 'ping', id }));
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (c.messages.some((m) => m.type === 'pong' && m.id === id)) return true;
    if (c.closed) return false;
    if (Date.now() > end)
      throw new Error(`no pong to ${id} within ${timeoutMs} ms and the connection is open`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

const VALID = [
  { type: 'ping', id: 'x' },
  { type: 'subscribe', runId: 'target' },
  { type: 'unsubscribe', runId: 'target' },
  { type: 'subscribe', runId: 'no-such-run' },
];

interface Frame {
  data: string | Uint8Array;
  binary: boolean;
}

const text = (data: string): Frame => ({ data, binary: false });
const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map(text),
  fc.jsonValue({ maxDepth: 4 }).map((v) => text(JSON.stringify(v) ?? 'null')),
  mutatedData(VALID).map((v) => text(JSON.stringify(v) ?? 'null')),
  fc.constantFrom(...VALID).map((v) => text(JSON.stringify(v))),
  fc.constantFrom(...NASTY_STRINGS).map((n) => text(JSON.stringify({ type: 'subscribe', runId: n }))),
  fc.constantFrom('{', '{"type":', '[', '"', 'null', '{"type":"ping","id":1e999}').map(text),
  fc.uint8Array({ maxLength: 200 }).map((data) => ({ data, binary: true })),
  // Invalid UTF-8 in a text frame.
  fc.constant({ data: Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), binary: false }),
  fc
    .integer({ min: MAX_MESSAGE - 64, max: MAX_MESSAGE * 4 })
    .map((n) => text(JSON.stringify({ type: 'ping', id: 'y'.repeat(n) }))),
);

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A frame over the size limit, or a text frame that is not UTF-8. */
function tooLargeOrNotText(f: Frame): boolean {
  const bytes = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data;
  if (bytes.byteLength > MAX_MESSAGE) return true;
  if (f.binary) return false;
  try {
    strictUtf8.decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** Answers a frame may earn besides `error`. */
const ANSWERS = new Set(['pong', 'subscribed', 'snapshot', 'unsubscribed', 'run', 'time', 'step']);

describe('stream message fuzzing', () => {
  it('every frame gets an error, its answer or a close; every message sent is documented; pings are answered after', async () => {
    let c = await connect();
    let n = 0;
    let closes = 0;
    let errors = 0;
    const result = await fuzzAsync(
      'stream: client frames',
      frame,
      async (f) => {
        const ping = `after-${++n}`;
        const from = c.messages.length;
        c.ws.send(f.data, { binary: f.binary });
        const answered = await pingAnswered(c, ping);
        const what = `${f.binary ? 'binary' : 'text'} frame ${preview(f.data)}`;
        if (c.undocumented.length > 0) throw new Error(`${what}: undocumented message ${c.undocumented[0]}`);
        if (!answered) {
          // Only a frame the protocol cannot take at all may cost the connection.
          if (!tooLargeOrNotText(f)) throw new Error(`${what}: the connection was closed`);
          closes++;
          c = await connect();
          if (!(await pingAnswered(c, `${ping}-again`)))
            throw new Error(`${what}: a new connection was closed too`);
          return;
        }
        const replies = c.messages.slice(from).filter((m) => !(m.type === 'pong' && m.id === ping));
        if (replies.length === 0) throw new Error(`${what}: no answer before the pong`);
        for (const m of replies) {
          if (m.type === 'error') {
            errors++;
            // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
            if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(m.message ?? ''))
              throw new Error(
                `${what}: an error message with control characters: ${JSON.stringify(m.message)}`,
              );
          } else if (!ANSWERS.has(m.type)) throw new Error(`${what}: answered with '${m.type}'`);
        }
      },
      500,
    );
    c.ws.terminate();
    expect(errors).toBeGreaterThan(0);
    expect(closes).toBeGreaterThan(0);
    reportFigure({
      subject: 'stream client messages',
      tried: 'fuzzed frames',
      count: result.count,
      failure: 'unanswered frames, undocumented messages or a server that stopped answering',
      failures: 0,
      detail: `${errors} error answers, ${closes} connections closed by the server; ${fuzzDetail([result])}`,
    });
  });
});
