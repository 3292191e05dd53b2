// The inbox hands messages to the centre at least once (issue 9): take() marks
// nothing, the same messages come again until the caller confirms them, and a process
// killed between taking and confirming leaves them for the next node on the same
// store. `vigil serve` confirms a notification only after filing it in the runs, and a
// run given the same notification again (a hand-over repeated after a crash) keeps
// the one it has.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeEnvelope, signEnvelope } from '../../src/exchange/envelope.ts';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import {
  generateKeyPair,
  parsePrivateKey,
  publicKeyText,
  readKeyFile,
  writeKeyPair,
} from '../../src/exchange/keys.ts';
import type { MessageBody } from '../../src/exchange/messages.ts';
import {
  call,
  json,
  polar,
  startRun,
  storeScenario,
  type TestService,
  testService,
  waitFor,
} from '../server/helpers.ts';
import { notification, notificationBody, pair } from './helpers.ts';

const TAKER = resolve(import.meta.dirname, 'taker-process.ts');
const REPO = resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-hand-over-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const idsOf = (node: ExchangeNode) =>
  node.take().map((d) => (d.body.type === 'notification' ? d.body.notification['id'] : d.id));

/** A sends each notification to B and B stores it (the acknowledgement carried back). */
function sendAll(a: ExchangeNode, b: ExchangeNode, ids: string[]): void {
  for (const id of ids) a.send('B', notificationBody(id));
  for (const out of a.due().filter((o) => o.seq !== null)) {
    const receipt = b.receive(out.bytes);
    expect(receipt.status).toBe('accepted');
    if (receipt.ack) a.receive(encodeEnvelope(receipt.ack));
  }
}

describe('take and confirm', () => {
  it('take hands out the same messages until they are confirmed, then no more', () => {
    const { a, b } = pair();
    sendAll(a, b, ['N-1', 'N-2', 'N-3']);
    expect(idsOf(b)).toEqual(['N-1', 'N-2', 'N-3']);
    expect(idsOf(b)).toEqual(['N-1', 'N-2', 'N-3']);
    expect(b.status().inbox.untaken).toBe(3);
    const [first, second] = b.take();
    b.confirmTaken([first!, second!]);
    expect(idsOf(b)).toEqual(['N-3']);
    // Confirming again, or a message not released, changes nothing.
    b.confirmTaken([first!, { from: 'A', id: 'no-such-message' }]);
    expect(idsOf(b)).toEqual(['N-3']);
    expect(b.status().inbox).toMatchObject({ stored: 3, untaken: 1 });
    b.confirmTaken(b.take());
    expect(b.take()).toEqual([]);
  });

  it('a message held behind a gap cannot be confirmed before it is released', () => {
    const { a, b } = pair();
    for (const id of ['N-1', 'N-2']) a.send('B', notificationBody(id));
    const [m1, m2] = a.due().filter((o) => o.seq !== null);
    b.receive(m2!.bytes);
    b.confirmTaken([{ from: 'A', id: m2!.messageId }]);
    b.receive(m1!.bytes);
    expect(idsOf(b)).toEqual(['N-1', 'N-2']);
  });

  it('a centre killed between take and confirm: a new node on the same store takes the messages again', async () => {
    const keysB = writeKeyPair(join(dir, 'keys'), 'B');
    const keyA = generateKeyPair();
    const storePath = join(dir, 'b.db');
    const store = ExchangeStore.open(storePath);
    const b = new ExchangeNode({
      centreId: 'B',
      privateKey: parsePrivateKey(readKeyFile(keysB.privatePath), keysB.privatePath),
      store,
    });
    b.addPeer('A', publicKeyText(keyA.publicKey));
    const sent = ['N-1', 'N-2'].map((id, i) =>
      signEnvelope(
        {
          v: 1,
          id: `A-${i + 1}`,
          from: 'A',
          to: 'B',
          seq: i + 1,
          issuedAt: new Date().toISOString(),
          body: notificationBody(id) as MessageBody,
        },
        keyA.privateKey,
      ),
    );
    for (const e of sent) expect(b.receive(encodeEnvelope(e)).status).toBe('accepted');
    store.close();

    const lines: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', TAKER, storePath, keysB.privatePath], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c) => {
      stderr += String(c);
    });
    child.stdout!.on('data', (c) => lines.push(...String(c).split('\n').filter(Boolean)));
    const exit = await new Promise<NodeJS.Signals | null>((ok) =>
      child.on('exit', (_code, signal) => ok(signal)),
    );
    expect(exit, stderr).toBe('SIGKILL');
    // The dead centre had taken both.
    expect(lines).toEqual(['taken A-1,A-2']);

    const reopened = ExchangeStore.open(storePath);
    const again = new ExchangeNode({
      centreId: 'B',
      privateKey: parsePrivateKey(readKeyFile(keysB.privatePath), keysB.privatePath),
      store: reopened,
    });
    const taken = again.take();
    expect(taken.map((d) => d.id)).toEqual(['A-1', 'A-2']);
    expect(taken.map((d) => d.body.type === 'notification' && d.body.notification['id'])).toEqual([
      'N-1',
      'N-2',
    ]);
    again.confirmTaken(taken);
    reopened.close();

    const third = ExchangeStore.open(storePath);
    const afterConfirm = new ExchangeNode({
      centreId: 'B',
      privateKey: parsePrivateKey(readKeyFile(keysB.privatePath), keysB.privatePath),
      store: third,
    });
    expect(afterConfirm.take()).toEqual([]);
    expect(afterConfirm.status().inbox).toMatchObject({ stored: 2, untaken: 0 });
    third.close();
  });
});

describe('the service hands a notification to its runs at least once', () => {
  const services: TestService[] = [];
  afterEach(async () => {
    for (const s of services.splice(0)) await s.dispose();
  });

  it('filed in the run, then confirmed; a service that died before confirming files it again, harmlessly', async () => {
    const home = join(dir, 'rus/exchange');
    writeKeyPair(home, 'RUS');
    const nor = generateKeyPair();
    const db = `sqlite:${join(dir, 'rus/vigil.db')}`;
    const open = async () => {
      const s = await testService({ db, exchange: { home, centreId: 'RUS' } });
      services.push(s);
      return s;
    };
    const notifications = async (s: TestService) =>
      json<Array<{ id: string; timeS: number }>>(
        await call(s.app, 'GET', '/api/runs/watch/notifications', s.observer),
        200,
      );

    const first = await open();
    json(
      await call(first.app, 'POST', '/api/exchange/peers', first.admin, {
        name: 'NOR',
        key: publicKeyText(nor.publicKey),
      }),
      201,
    );
    await storeScenario(first, 'polar', polar(10));
    await startRun(first, { scenario: 'polar', id: 'watch', paused: true });
    const envelope = signEnvelope(
      {
        v: 1,
        id: 'nor-1',
        from: 'NOR',
        to: 'RUS',
        seq: 1,
        issuedAt: new Date().toISOString(),
        body: { type: 'notification', notification: notification('NOR-7') } as MessageBody,
      },
      nor.privateKey,
    );
    const answer = await first.app.inject({
      method: 'POST',
      url: '/exchange/inbox',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from(encodeEnvelope(envelope)),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const received = (s: TestService) =>
      waitFor('the notification handed to the runs', async () =>
        s.logs.find((l) => l.includes('notification NOR-7 (pre-launch) from NOR received')),
      );
    await received(first);
    const filed = await notifications(first);
    expect(filed.map((n) => n.id)).toEqual(['NOR-7']);
    expect(first.exchange!.node.status().inbox.untaken).toBe(0);
    await first.dispose();
    services.splice(0);

    // What a service killed between filing and confirming leaves: filed in the run, not confirmed.
    const raw = new Database(join(home, 'exchange.db'));
    expect(raw.prepare('UPDATE inbox SET taken_at_ms = NULL').run().changes).toBe(1);
    raw.close();

    const second = await open();
    // The next start hands it over again (the inbox route, like each courier round, looks).
    second.exchange!.afterChange();
    await received(second);
    expect(await notifications(second)).toEqual(filed);
    expect(second.exchange!.node.status().inbox.untaken).toBe(0);
    const lines = second.logs.filter((l) => l.includes('NOR-7'));
    expect(lines.some((l) => l.includes('added to 1 live run'))).toBe(true);
    expect(lines.filter((l) => l.includes('not added'))).toEqual([]);
  });
});
