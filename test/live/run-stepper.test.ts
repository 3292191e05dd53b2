// The run stepper against the batch run of the same scenario and seed: the same
// alerts and audit decisions at the end, every report handed out exactly once in its
// step's interval, and deltas that add up to the whole picture at every step.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LiveTrack } from '../../src/analysis/live/live-track.ts';
import { type LiveStep, RunStepper } from '../../src/analysis/live/run-stepper.ts';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import type { AlertSummary } from '../../src/analysis/summary.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const bundled = (id: string) =>
  readFileSync(resolve(import.meta.dirname, '../../scenarios', `${id}.yaml`), 'utf8');
const polar = (minutes: number) => bundled('polar-icbm').replace(/^duration: .*$/m, `duration: ${minutes}m`);

function stepAll(stepper: RunStepper): LiveStep[] {
  const steps: LiveStep[] = [];
  for (let s = stepper.step(); s; s = stepper.step()) steps.push(s);
  return steps;
}

describe('a run stepped one centre step at a time', () => {
  const scenario = parseScenario(polar(15), 'polar.yaml');
  const batch = runScenario(scenario);
  const stepper = new RunStepper(scenario, { seed: scenario.seed });
  const steps = stepAll(stepper);

  it('takes a step every 5 s of simulation time to the end, then none', () => {
    expect(steps.map((s) => s.timeS)).toEqual([...Array(180).keys()].map((k) => 5 * (k + 1)));
    expect(steps.map((s) => s.index)).toEqual([...Array(180).keys()].map((k) => k + 1));
    expect(stepper.done).toBe(true);
    expect(stepper.step()).toBeNull();
  });

  it('ends with the alerts and the audit decisions of the batch run', () => {
    expect(stepper.alerts()).toEqual(batch.summary.alerts);
    expect(steps.flatMap((s) => s.audit)).toEqual(
      batch.centre.audit.records.map((r) => ({ timeS: r.timeS, kind: r.kind, text: r.text, data: r.data })),
    );
  });

  it('hands out every report once, in order, within its step (previous step, step]', () => {
    expect(steps.flatMap((s) => s.reports)).toEqual(batch.sensors.reports);
    expect(steps.flatMap((s) => s.truthLabels)).toEqual(batch.sensors.labels);
    for (const [k, s] of steps.entries()) {
      const from = k === 0 ? Number.NEGATIVE_INFINITY : steps[k - 1]!.timeS;
      for (const r of s.reports) expect(r.timeS > from && r.timeS <= s.timeS, r.id).toBe(true);
    }
  });

  it('changes tracks and alerts by deltas that rebuild the whole picture at every step', () => {
    const again = new RunStepper(scenario, { seed: scenario.seed });
    const tracks = new Map<string, LiveTrack>();
    const alerts = new Map<string, AlertSummary>();
    for (let s = again.step(); s; s = again.step()) {
      for (const t of s.tracks) tracks.set(t.id, t);
      for (const id of s.droppedTrackIds) {
        expect(tracks.has(id), `dropped ${id} was held`).toBe(true);
        tracks.delete(id);
      }
      for (const a of s.alerts) alerts.set(a.id, a);
      expect([...tracks.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(again.tracks());
      expect([...alerts.values()]).toEqual(again.alerts());
    }
    // Only what changed travels: an alert unchanged over a step is not sent again.
    const sent = steps.reduce((n, s) => n + s.alerts.length, 0);
    expect(sent).toBeLessThan(steps.length * batch.summary.alerts.length);
  });

  it('is the same run whatever it is stepped for: two steppers agree step by step', () => {
    const other = stepAll(new RunStepper(scenario, { seed: scenario.seed }));
    expect(JSON.stringify(other)).toBe(JSON.stringify(steps));
  });
});

describe('notifications in a stepped run', () => {
  it('are handed out in the step of their delivery, the early ones in the first', () => {
    const scenario = parseScenario(bundled('incidents/1995-black-brant'), 'brant.yaml');
    const early = { id: 'EARLY', timeS: -1000, message: { id: 'EARLY' } };
    const late = { id: 'LATE', timeS: 42.5, message: { id: 'LATE' } };
    const steps = stepAll(new RunStepper(scenario, { seed: 1, deliveries: [late, early] }));
    const at = (id: string) =>
      steps.filter((s) => s.notifications.some((n) => n.id === id)).map((s) => s.timeS);
    expect(at('EARLY')).toEqual([5]);
    expect(at('LATE')).toEqual([45]);
  });
});
