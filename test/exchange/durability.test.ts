// The outbox is durable (issue 9): a sender killed with SIGKILL while it retries
// finds its message in the store when it starts again and delivers it; the receiver
// stores it exactly once even when its first acknowledgement is lost on the way back.
// The receiver here is a plain node:http server around `inboxAnswer`, as a `vigil
// serve` route would be.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { inboxAnswer } from '../../src/exchange/http-transport.ts';
import { generateKeyPair, publicKeyText, writeKeyPair } from '../../src/exchange/keys.ts';

const SENDER = resolve(import.meta.dirname, 'sender-process.ts');
const REPO = resolve(import.meta.dirname, '../..');

type Mode = 'down' | 'lose-first-ack' | 'up';

interface Receiver {
  node: ExchangeNode;
  url: string;
  mode: Mode;
  posts: number;
  server: Server;
}

async function startReceiver(senderKey: string): Promise<Receiver> {
  const keys = generateKeyPair();
  const node = new ExchangeNode({
    centreId: 'B',
    privateKey: keys.privateKey,
    store: ExchangeStore.open(':memory:'),
  });
  node.addPeer('A', senderKey);
  const r: Receiver = { node, url: '', mode: 'down', posts: 0, server: createServer() };
  r.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.posts++;
      if (r.mode === 'down') {
        res.writeHead(503).end('service unavailable');
        return;
      }
      const answer = inboxAnswer(node, Buffer.concat(chunks));
      if (r.mode === 'lose-first-ack' && answer.payload.status === 'accepted') {
        r.mode = 'up';
        res.writeHead(502).end('bad gateway');
        return;
      }
      res
        .writeHead(answer.statusCode, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.payload));
    });
  });
  await new Promise<void>((ok) => r.server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}`;
  return r;
}

function startSender(args: string[], onLine: (line: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', SENDER, ...args], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  let stderr = '';
  child.stderr!.on('data', (c) => {
    stderr += String(c);
  });
  child.stdout!.on('data', (c) => {
    buffered += String(c);
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) onLine(line, child);
  });
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((ok) =>
    child.on('exit', (code, signal) => ok({ code, signal, stderr })),
  );
}

let receiver: Receiver | undefined;
afterEach(() => {
  receiver?.server.close();
});

describe('durable outbox', () => {
  it('a sender killed mid-retry delivers after restart, and the receiver stores the message exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-exchange-'));
    const senderKeys = writeKeyPair(dir, 'A');
    receiver = await startReceiver(senderKeys.publicKey);
    const storePath = join(dir, 'exchange.db');
    const args = [storePath, senderKeys.privatePath, publicKeyText(receiver.node.publicKey), receiver.url];

    let attempts = 0;
    const killed = await startSender(args, (line, child) => {
      if (line.startsWith('attempt')) attempts++;
      if (attempts === 3) child.kill('SIGKILL');
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(receiver.node.inbox()).toHaveLength(0);
    const postsBefore = receiver.posts;

    receiver.mode = 'lose-first-ack';
    const lines: string[] = [];
    const restarted = await startSender(args, (line) => lines.push(line));
    expect(restarted.code, restarted.stderr).toBe(0);
    expect(lines[lines.length - 1]).toBe('acknowledged');
    // The restart resumed the numbering: attempt 4 and on, not a new message.
    expect(Number(lines[0]!.split(' ')[1])).toBeGreaterThanOrEqual(4);
    expect(receiver.posts - postsBefore).toBeGreaterThanOrEqual(2);

    const inbox = receiver.node.inbox();
    expect(inbox.map((m) => [m.sender, m.seq])).toEqual([['A', 1]]);
    expect(receiver.node.take().map((d) => d.body.type === 'notification' && d.body.notification.id)).toEqual(
      ['N-crash'],
    );
    expect(receiver.node.status().rejections).toEqual({ duplicate: 1 });

    // A third start finds nothing left to send.
    const third: string[] = [];
    const done = await startSender(args, (line) => third.push(line));
    expect(done.code).toBe(0);
    expect(third).toEqual(['acknowledged']);
    expect(receiver.node.inbox()).toHaveLength(1);
  });
});
