// The exchange on the command line: keys, partners, and `vigil notify` delivering a
// notification to a partner whose inbox is served over HTTP (as `vigil serve` will).
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxAnswer } from '../../src/exchange/http-transport.ts';
import { openExchange } from '../../src/exchange/open-exchange.ts';
import { runCli } from '../cli/helpers.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const tmp = () => mkdtempSync(join(tmpdir(), 'vigil-exchange-cli-'));
const pub = (dir: string, centre: string) => readFileSync(join(dir, `${centre}.pub`), 'utf8').trim();

/** Homes for A and B, each with its keys and the other as partner. */
async function twoCentres() {
  const homeA = tmp();
  const homeB = tmp();
  expect((await runCli('exchange', 'keygen', '--centre', 'A', '--out', homeA)).code).toBe(0);
  expect((await runCli('exchange', 'keygen', '--centre', 'B', '--out', homeB)).code).toBe(0);
  expect(
    (await runCli('exchange', 'peer', 'add', 'B', '--key', pub(homeB, 'B'), '--home', homeA, '--centre', 'A'))
      .code,
  ).toBe(0);
  expect(
    (
      await runCli(
        'exchange',
        'peer',
        'add',
        'A',
        '--key',
        join(homeA, 'A.pub'),
        '--home',
        homeB,
        '--centre',
        'B',
      )
    ).code,
  ).toBe(0);
  return { homeA, homeB };
}

/** Serves B's inbox from its exchange directory. */
async function serveInbox(homeB: string): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const b = openExchange({ home: homeB });
      try {
        const answer = inboxAnswer(b.node, Buffer.concat(chunks));
        res
          .writeHead(answer.statusCode, { 'content-type': 'application/json' })
          .end(JSON.stringify(answer.payload));
      } finally {
        b.close();
      }
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const FLAGS = [
  '--id',
  'NOR-7',
  '--class',
  'SOUNDING',
  '--window',
  '2026-05-02T06:00:00Z,2026-05-02T10:00:00Z',
  '--launch-area',
  '69.29,16.02,30',
  '--direction',
  '0',
  '--impact',
  '78.5,17.0,300',
];

describe('vigil exchange keygen', () => {
  it('writes a private key only its owner can read and a one-line public key; never overwrites', async () => {
    const dir = tmp();
    const r = await runCli('exchange', 'keygen', '--centre', 'NOR', '--out', dir);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, 'NOR.key')).mode & 0o777).toBe(0o600);
    expect(pub(dir, 'NOR')).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(r.stdout).toContain(pub(dir, 'NOR'));
    const again = await runCli('exchange', 'keygen', '--centre', 'NOR', '--out', dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already there');
  });
});

describe('vigil exchange peer', () => {
  it('adds partners from base64 or a file, lists them, refuses a bad key', async () => {
    const { homeA, homeB } = await twoCentres();
    const list = await runCli('exchange', 'peer', 'list', '--home', homeA, '--json');
    expect(
      JSON.parse(list.stdout).map((p: { name: string; publicKey: string }) => [p.name, p.publicKey]),
    ).toEqual([['B', pub(homeB, 'B')]]);
    const bad = await runCli('exchange', 'peer', 'add', 'C', '--key', 'AAAA', '--home', homeA);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/32 bytes/);
    const twice = await runCli('exchange', 'peer', 'add', 'B', '--key', pub(homeB, 'B'), '--home', homeA);
    expect(twice.stderr).toContain('already registered');
  });

  it('right after keygen, the centre is the one whose key is in the home; with two keys it must be named', async () => {
    const home = tmp();
    const other = tmp();
    expect((await runCli('exchange', 'keygen', '--centre', 'N', '--out', home)).code).toBe(0);
    expect((await runCli('exchange', 'keygen', '--centre', 'R', '--out', other)).code).toBe(0);
    const added = await runCli('exchange', 'peer', 'add', 'R', '--key', pub(other, 'R'), '--home', home);
    expect(added.code).toBe(0);
    const status = await runCli('exchange', 'status', '--home', home);
    expect(status.stdout).toMatch(/^centre N /);

    const twoKeys = tmp();
    expect((await runCli('exchange', 'keygen', '--centre', 'X', '--out', twoKeys)).code).toBe(0);
    expect((await runCli('exchange', 'keygen', '--centre', 'Y', '--out', twoKeys)).code).toBe(0);
    const unnamed = await runCli('exchange', 'status', '--home', twoKeys);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toContain('give --centre ID');
  });
});

describe('vigil notify', () => {
  it('delivers a notification from flags to the partner and reports its acknowledgement', async () => {
    const { homeA, homeB } = await twoCentres();
    const url = await serveInbox(homeB);
    const r = await runCli('notify', '--home', homeA, '--to', 'B', '--via', url, '--wait', '10', ...FLAGS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/queued for B as message .* #1\nacknowledged by B in/);
    const b = openExchange({ home: homeB });
    try {
      const [delivered] = b.node.take();
      expect(delivered?.body).toMatchObject({
        type: 'notification',
        notification: {
          id: 'NOR-7',
          kind: 'pre-launch',
          launchArea: { center: [69.29, 16.02], radiusKm: 30 },
        },
      });
    } finally {
      b.close();
    }
    const status = await runCli('exchange', 'status', '--home', homeA);
    expect(status.stdout).toContain('outbox: 0 waiting for acknowledgement, 1 acknowledged');
  });

  it('a partner that cannot be reached leaves it queued (exit 1), and flush delivers it later', async () => {
    const { homeA, homeB } = await twoCentres();
    const r = await runCli(
      'notify',
      '--home',
      homeA,
      '--to',
      'B',
      '--via',
      'http://127.0.0.1:9',
      '--wait',
      '0.3',
      ...FLAGS,
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stays in the outbox');
    const url = await serveInbox(homeB);
    const flushed = await runCli('exchange', 'flush', '--home', homeA, '--via', url, '--wait', '10');
    expect(flushed.stdout).toContain('1 delivered and acknowledged, 0 still waiting');
    expect(flushed.code).toBe(0);
  });

  it('points at the flag or the file position of what is wrong', async () => {
    const { homeA } = await twoCentres();
    const lat = await runCli(
      'notify',
      '--home',
      homeA,
      '--to',
      'B',
      '--wait',
      '0',
      ...FLAGS.slice(0, 6),
      '--launch-area',
      '95,16,30',
    );
    expect(lat.code).toBe(2);
    expect(lat.stderr).toMatch(/^--launch-area: center\[0\]: latitude must be between -90 and 90/m);
    const window = await runCli(
      'notify',
      '--home',
      homeA,
      '--to',
      'B',
      '--wait',
      '0',
      ...FLAGS.slice(0, 4),
      '--window',
      '2026-05-03T00:00:00Z,2026-05-02T00:00:00Z',
      '--launch-area',
      '69,16,30',
    );
    expect(window.stderr).toContain('--window: end: the window ends before it starts');
    const file = join(tmp(), 'notice.yaml');
    writeFileSync(
      file,
      [
        'id: NOR-8',
        'regime: PLNS-2000',
        'kind: pre-launch',
        'issued: 2026-05-01T00:00:00Z',
        'vehicleClass: SOUNDNG',
        'window: { start: 2026-05-02T00:00:00Z, end: 2026-05-03T00:00:00Z }',
        'launchArea: { center: [69.29, 16.02], radiusKm: 30 }',
        'channel: JDEC',
        '',
      ].join('\n'),
    );
    const fromFile = await runCli('notify', '--home', homeA, '--to', 'B', '--wait', '0', '--file', file);
    expect(fromFile.code).toBe(2);
    expect(fromFile.stderr).toContain(
      `${file}:5:15: vehicleClass: unknown value 'SOUNDNG' — did you mean 'SOUNDING'?`,
    );
    const unknown = await runCli('notify', '--home', homeA, '--to', 'C', '--wait', '0', ...FLAGS);
    expect(unknown.stderr).toContain("no partner 'C' is registered");
  });
});

describe('vigil exchange simulate', () => {
  it('prints each centre, its alerts and the exchange, with the alarms of a dropped notification', async () => {
    const r = await runCli(
      'exchange',
      'simulate',
      resolve(import.meta.dirname, '../../scenarios/exchange/1995-dropped.yaml'),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Centre RUS (defends RUS)');
    expect(r.stdout).toMatch(
      /sent notification NOR-1995 \(pre-launch\) to RUS at .*: NOT acknowledged after \d+ transmissions/,
    );
    expect(r.stdout).toMatch(/ALARM .* ack-overdue: RUS has not acknowledged notification NOR-1995/);
    expect(r.stdout).toMatch(/A1 +attack-warning/);
  });
});
