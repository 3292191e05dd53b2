// Distributed Monte Carlo over NATS JetStream (VIGIL_TEST_NATS_URL): two `vigil worker`
// processes take a campaign's runs from the work queue; one is killed with SIGKILL in
// the middle of the campaign. Its unacknowledged run comes back to the other worker, so
// the campaign completes, and its aggregate is byte for byte the single-process one.
import { type ChildProcess, spawn } from 'node:child_process';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, expect, it } from 'vitest';
import { streamLayout } from '../../src/bus/subjects.ts';
import { describeWithService, NATS_URL, unreachable } from '../store/services.ts';
import { BIN, runCli, tempFile } from './helpers.ts';

const SCENARIO = `
name: Small SLBM
epoch: 2026-05-01T12:00:00Z
duration: 15m
seed: 11
defended: [USA]
events:
  - { type: launch, id: S1, class: slbm, from: [35, -55], to: [38.9, -77], at: 30s }
network: us-uk
`;

const root = `mc${process.pid}r${Math.random().toString(36).slice(2, 7)}`;
const children: ChildProcess[] = [];

function start(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    err += d;
  });
  return { child, stdout: () => out, stderr: () => err };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
}

async function until(test: () => boolean, timeoutMs: number): Promise<void> {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  if ((await unreachable(NATS_URL, 4222)) !== null) return;
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
  await nc.close();
});

describeWithService('vigil montecarlo --bus with vigil worker', await unreachable(NATS_URL, 4222), () => {
  it('a worker killed mid-campaign loses nothing and counts nothing twice: the aggregate is the single-process one', async () => {
    const file = tempFile('small.yaml', SCENARIO);
    const bus = ['--bus', NATS_URL, '--bus-root', root];
    const doomed = start(['worker', ...bus, '--ack-wait', '3']);
    const survivor = start(['worker', ...bus, '--ack-wait', '3']);
    await until(
      () => doomed.stderr().includes('taking runs') && survivor.stderr().includes('taking runs'),
      30_000,
    );

    const coordinator = start([
      'montecarlo',
      file,
      '--runs',
      '12',
      '--vary',
      'noise=0.8..1.2',
      ...bus,
      '--json',
    ]);
    // Killed as soon as it has finished one run: it is then in the middle of its next one.
    await until(() => /run \d+:/.test(doomed.stderr()), 60_000);
    doomed.child.kill('SIGKILL');
    expect((await exited(doomed.child)).signal).toBe('SIGKILL');

    const done = await exited(coordinator.child);
    expect(done.code).toBe(0);
    const distributed = coordinator.stdout();
    const local = await runCli(
      'montecarlo',
      file,
      '--runs',
      '12',
      '--vary',
      'noise=0.8..1.2',
      '--workers',
      '1',
      '--json',
    );
    expect(local.code).toBe(0);
    expect(distributed).toBe(local.stdout);
    expect(JSON.parse(distributed)).toMatchObject({ runsCompleted: 12, partial: false });

    // Both workers took part; the survivor ran whatever the killed one had not finished.
    const ran = (log: string) => [...log.matchAll(/run (\d+):/g)].map((m) => Number(m[1]));
    const byDoomed = ran(doomed.stderr());
    const bySurvivor = ran(survivor.stderr());
    expect(byDoomed.length).toBeGreaterThan(0);
    expect(new Set([...byDoomed, ...bySurvivor]).size).toBe(12);
    survivor.child.kill('SIGTERM');
    expect((await exited(survivor.child)).code).toBe(0);
  }, 180_000);
});
