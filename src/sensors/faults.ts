// Sensor faults applied to one sensor's report stream (issue 3; history in DOMAIN.md
// §6.2): an outage window (no reports), a stuck feed (the last report before the
// fault repeats at the sensor's cadence), a replay of recorded or exercise data (the
// 1979 training tape: reports of an attack that is not happening), and a corrupted
// count field (the 1980 chip: "0 missiles" messages turned into 2, 200 or 2000).
import type { Rng } from '../physics/random.ts';
import type { SensorFaultSpec } from '../scenario/scenario.ts';
import type { SensorReport, TruthLabel } from './report.ts';

export interface LabelledReport {
  report: SensorReport;
  label: TruthLabel;
}

/** Counts the 1980 multiplexer produced by inserting 2s into "000". */
const CORRUPT_COUNTS = [2, 200, 2000] as const;
/** Probability that a look during a corrupt-count fault sends a garbled non-zero count. */
const CORRUPT_LOOK_PROBABILITY = 0.3;

function within(f: SensorFaultSpec, t: number): boolean {
  return t >= f.fromS && t < f.untilS;
}

function relabel(r: LabelledReport, cause: TruthLabel['cause'], eventId: string): LabelledReport {
  return { report: r.report, label: { ...r.label, cause, eventId } };
}

/** Drops every report in the window. */
export function applyOutage(stream: LabelledReport[], f: SensorFaultSpec): LabelledReport[] {
  return stream.filter((r) => !within(f, r.report.timeS));
}

/**
 * Replaces the window's reports by copies of the last report before it, re-stamped at
 * the sensor's revisit cadence (a frozen feed that still looks alive).
 */
export function applyStuck(stream: LabelledReport[], f: SensorFaultSpec, revisitS: number): LabelledReport[] {
  const before = stream.filter((r) => r.report.timeS < f.fromS);
  const last = before[before.length - 1];
  const kept = stream.filter((r) => !within(f, r.report.timeS));
  if (!last) return kept;
  const copies: LabelledReport[] = [];
  let n = 0;
  for (let t = Math.max(f.fromS, last.report.timeS + revisitS); t < f.untilS; t += revisitS) {
    const report = { ...last.report, id: `${last.report.id}~stuck${++n}`, timeS: t } as SensorReport;
    copies.push({
      report,
      label: { reportId: report.id, cause: 'fault-stuck', objectId: null, eventId: f.id },
    });
  }
  return mergeByTime(kept, copies);
}

/**
 * Adds reports from another (recorded or exercise) stream of the same sensor inside the
 * window, labelled as the fault; the real reports keep flowing beside them, as in 1979.
 */
export function applyReplay(
  stream: LabelledReport[],
  f: SensorFaultSpec,
  replayed: LabelledReport[],
): LabelledReport[] {
  const injected = replayed
    .filter((r) => within(f, r.report.timeS))
    .map((r) => {
      const report = { ...r.report, id: `${r.report.id}~replay` } as SensorReport;
      return {
        report,
        label: { reportId: report.id, cause: 'fault-replay' as const, objectId: null, eventId: f.id },
      };
    });
  return mergeByTime(stream, injected);
}

/**
 * Garbles counts: at each look in the window, with some probability, the feed sends a
 * report whose count is 2, 200 or 2000 though it saw nothing (geometry from `phantom`,
 * the sensor's random-detection generator); real reports in the window get a garbled
 * count too.
 */
export function applyCorruptCount(
  stream: LabelledReport[],
  f: SensorFaultSpec,
  revisitS: number,
  rng: Rng,
  phantom: (t: number, id: string) => SensorReport | null,
): LabelledReport[] {
  const out = stream.map((r) => {
    if (!within(f, r.report.timeS)) return r;
    const report = { ...r.report, count: CORRUPT_COUNTS[rng.integer(3)]! } as SensorReport;
    return relabel({ report, label: r.label }, 'fault-corrupt', f.id);
  });
  const phantoms: LabelledReport[] = [];
  let n = 0;
  for (let t = f.fromS; t < f.untilS; t += revisitS) {
    if (rng.uniform() >= CORRUPT_LOOK_PROBABILITY) continue;
    const report = phantom(t, `${f.sensorId}#corrupt${++n}`);
    if (!report) continue;
    report.count = CORRUPT_COUNTS[rng.integer(3)]!;
    phantoms.push({
      report,
      label: { reportId: report.id, cause: 'fault-corrupt', objectId: null, eventId: f.id },
    });
  }
  return mergeByTime(out, phantoms);
}

/** Merges two time-ordered streams (stable: `a` first on equal times). */
export function mergeByTime(a: LabelledReport[], b: LabelledReport[]): LabelledReport[] {
  const out: LabelledReport[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.report.timeS <= b[j]!.report.timeS)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
