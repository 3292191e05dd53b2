// The queue between an external feed and a run's centre, and the stepper taking fed
// reports: every report offered is accepted or counted as what kept it out; accepted
// ones wait for the step their time falls in and come out in the order they came;
// and a stepper fed a launch's reports holds the alerts of the run that simulated it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FED_ID_PREFIX, FeedQueue } from '../../src/analysis/live/feed-queue.ts';
import { RunStepper } from '../../src/analysis/live/run-stepper.ts';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { IrReport, SensorReport } from '../../src/sensors/report.ts';

const ir = (id: string, timeS: number): IrReport => ({
  kind: 'ir',
  id,
  sensorId: 'sbirs-geo-1',
  timeS,
  observerEci: [42_164_000, 0, 0],
  losEci: [-1, 0, 0],
  azRad: 0,
  elRad: 0.1,
  sigmaRad: 2.5e-5,
  intensity: 1,
  count: 1,
});

describe('a feed queue', () => {
  it('accepts reports within the run, in the order they came, under their feed ids', () => {
    const q = new FeedQueue(10, 60);
    expect(q.offer(ir('b', 7))).toBe('accepted');
    expect(q.offer(ir('a', 3))).toBe('accepted');
    expect(q.offer(ir('c', 12))).toBe('accepted');
    expect(q.take(10).map((r) => r.id)).toEqual([`${FED_ID_PREFIX}b`, `${FED_ID_PREFIX}a`]);
    expect(q.counts).toMatchObject({ received: 3, accepted: 3, fed: 2, queued: 1, maxQueued: 3 });
  });

  it('counts as late what is timed at or before the last step taken, or before the epoch', () => {
    const q = new FeedQueue(10, 60);
    expect(q.offer(ir('before', -0.5))).toBe('late');
    expect(q.offer(ir('at-epoch', 0))).toBe('accepted');
    q.take(5);
    expect(q.offer(ir('at-step', 5))).toBe('late');
    expect(q.offer(ir('after-step', 5.001))).toBe('accepted');
    expect(q.counts).toMatchObject({ late: 2, accepted: 2 });
  });

  it('starts late at the step a resumed run had reached', () => {
    const q = new FeedQueue(10, 60, 30);
    expect(q.offer(ir('x', 30))).toBe('late');
    expect(q.offer(ir('y', 30.5))).toBe('accepted');
  });

  it('counts reports after the run’s end, and repeats of a waiting report', () => {
    const q = new FeedQueue(10, 60);
    expect(q.offer(ir('end', 60))).toBe('accepted');
    expect(q.offer(ir('past', 60.1))).toBe('after-end');
    expect(q.offer(ir('end', 60))).toBe('duplicate');
    q.take(60);
    // Once its step is taken, the same report is late: its step is computed.
    expect(q.offer(ir('end', 60))).toBe('late');
    expect(q.counts).toMatchObject({ received: 4, accepted: 1, afterEnd: 1, duplicate: 1, late: 1 });
  });

  it('drops and counts what comes while it is full, and takes again once a step frees room', () => {
    const q = new FeedQueue(3, 60);
    const outcomes = [1, 2, 3, 4, 5].map((i) => q.offer(ir(`r${i}`, 1 + i)));
    expect(outcomes).toEqual(['accepted', 'accepted', 'accepted', 'dropped', 'dropped']);
    expect(q.take(2.5).length).toBe(1);
    expect(q.offer(ir('r6', 8))).toBe('accepted');
    expect(q.counts).toMatchObject({ accepted: 4, dropped: 2, queued: 3, maxQueued: 3, queueLimit: 3 });
    q.malformed();
    const c = q.counts;
    expect(c.received).toBe(c.accepted + c.late + c.afterEnd + c.duplicate + c.malformed + c.dropped);
  });
});

describe('a run stepper with fed reports', () => {
  const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/polar-icbm.yaml'), 'utf8').replace(
    /^duration: .*$/m,
    'duration: 8m',
  );
  const launch = parseScenario(text, 'polar.yaml');
  const quiet = parseScenario(text.replace(/^events:[\s\S]*$/m, 'events: []\n'), 'quiet.yaml');
  const simulated = new RunStepper(launch, { seed: launch.seed });
  const objects = simulated.network.reports.filter((_, i) => simulated.network.labels[i]!.cause === 'object');

  it('merges them into each step in time order, the simulated first at equal times', () => {
    const stepper = new RunStepper(quiet, { seed: quiet.seed });
    const clutter = stepper.network.reports.find((r) => r.timeS > 0)!;
    const t = stepper.nextTimeS()!;
    // Into the step of a clutter report: one fed report at its time, one just before.
    const stepOf = (s: number) => Math.ceil(s / t);
    stepper.skipTo(t * (stepOf(clutter.timeS) - 1));
    const fed: SensorReport[] = [ir('feed/same', clutter.timeS), ir('feed/before', clutter.timeS - 0.1)];
    const step = stepper.step(fed)!;
    const ids = step.reports.map((r) => r.id);
    expect(ids.indexOf('feed/before')).toBeLessThan(ids.indexOf(clutter.id));
    const sameTime = step.reports.filter((r) => r.timeS === clutter.timeS && !r.id.startsWith('feed/'));
    for (const r of sameTime) expect(ids.indexOf(r.id)).toBeLessThan(ids.indexOf('feed/same'));
    const times = step.reports.map((r) => r.timeS);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(step.truthLabels.length).toBe(step.reports.length - 2);
  });

  it('fed a launch’s reports over a quiet network, holds the alerts of the run that simulated the launch', () => {
    expect(runScenario(quiet).summary.alerts).toEqual([]);
    const stepper = new RunStepper(quiet, { seed: quiet.seed });
    let next = 0;
    while (!stepper.done) {
      const t = stepper.nextTimeS()!;
      const first = next;
      while (next < objects.length && objects[next]!.timeS <= t) next++;
      stepper.step(objects.slice(first, next).map((r) => ({ ...r, id: `feed/${r.id}` })));
    }
    const batch = runScenario(launch).summary.alerts;
    expect(batch.length).toBeGreaterThan(0);
    expect(stepper.alerts()).toEqual(batch);
  });
});
