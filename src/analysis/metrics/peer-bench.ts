// Reading the peer tracking benchmark's files (../shared/bench/FORMAT.md): a scenario
// ("peer-bench-scenario/1": parameters, scan times, unlabelled measurements and, for
// scoring only, ground truth) and a tracks file ("peer-bench-tracks/1"). Every problem
// becomes an InputError naming the field path (`scans[3].measurements[2]`) and what was
// expected; numbers come out as Float64Arrays ready for the tracker and the metrics.

import { parseDocument } from 'yaml';
import { type FieldPath, InputError, type InputProblem } from '../../scenario/input-error.ts';

export const SCENARIO_FORMAT = 'peer-bench-scenario/1';
export const TRACKS_FORMAT = 'peer-bench-tracks/1';

/** The generator settings a tracker may use (metres, seconds); absent ones are undefined. */
export interface PeerBenchParameters {
  dt?: number;
  sigma?: number;
  q?: number;
  pd?: number;
  clutterLambda?: number;
  box?: { min: [number, number, number]; max: [number, number, number] };
}

export interface PeerBenchScan {
  t: number;
  /** Number of measurements. */
  count: number;
  /** Positions [x, y, z] back to back (m). */
  measurements: Float64Array;
}

export interface PeerBenchTruth {
  id: number;
  birthScan: number;
  /** First scan at which the object no longer exists. */
  deathScan: number;
  /** [t, x, y, z, vx, vy, vz] per scan from birthScan to deathScan − 1. */
  states: Float64Array;
}

export interface PeerBenchScenario {
  parameters: PeerBenchParameters;
  times: Float64Array;
  scans: PeerBenchScan[];
  /** Null when the file has none (tracking input only). */
  groundTruth: PeerBenchTruth[] | null;
}

export interface PeerBenchTrack {
  id: number;
  /** [t, x, y, z] per reported state. */
  states: Float64Array;
}

export interface PeerBenchTracks {
  tracks: PeerBenchTrack[];
  /** timing.trackingWallS when present. */
  trackingWallS: number | null;
}

const MAX_PROBLEMS = 20;

class Problems {
  readonly list: InputProblem[] = [];
  readonly source: string;
  constructor(source: string) {
    this.source = source;
  }
  add(path: FieldPath, message: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ source: this.source, path: [...path], message });
  }
  get full(): boolean {
    return this.list.length >= MAX_PROBLEMS;
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw new InputError(this.list);
  }
}

/**
 * JSON.parse with a syntax error turned into an InputError at its line and column: from
 * the position V8 reports, or else from the yaml parser's reading of the same text
 * (JSON is YAML 1.2), which locates most of the errors V8 reports without a position.
 */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    const problem: InputProblem = { source, path: [], message: `not valid JSON: ${message}` };
    const at = /position (\d+)/.exec(message);
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset);
      problem.line = before.split('\n').length;
      problem.column = offset - before.lastIndexOf('\n');
    } else {
      const located = parseDocument(text).errors.find((e) => e.linePos);
      if (located?.linePos) {
        problem.line = located.linePos[0].line;
        problem.column = located.linePos[0].col;
      }
    }
    throw new InputError(problem);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return typeof v === 'object' ? 'an object' : String(v);
}

/** Copies a fixed-length array of finite numbers into out at offset; false (problem added) otherwise. */
function readVector(
  v: unknown,
  length: number,
  out: Float64Array,
  offset: number,
  path: FieldPath,
  problems: Problems,
  what: string,
): boolean {
  if (!Array.isArray(v) || v.length !== length) {
    problems.add(path, `expected ${what} (an array of ${length} numbers), got ${describe(v)}`);
    return false;
  }
  for (let k = 0; k < length; k++) {
    const c = v[k];
    if (typeof c !== 'number' || !Number.isFinite(c)) {
      problems.add([...path, k], `expected a finite number, got ${describe(c)}`);
      return false;
    }
    out[offset + k] = c;
  }
  return true;
}

function readParameters(v: unknown, problems: Problems): PeerBenchParameters {
  const path = ['parameters'];
  if (!isRecord(v)) {
    problems.add(path, `expected an object, got ${describe(v)}`);
    return {};
  }
  const out: PeerBenchParameters = {};
  const number = (key: string, ok: (x: number) => boolean, expected: string): number | undefined => {
    const x = v[key];
    if (x === undefined) return undefined;
    if (typeof x !== 'number' || !Number.isFinite(x) || !ok(x)) {
      problems.add([...path, key], `expected ${expected}, got ${describe(x)}`);
      return undefined;
    }
    return x;
  };
  const dt = number('dt', (x) => x > 0, 'a scan interval > 0 s');
  const sigma = number('sigma', (x) => x > 0, 'a measurement standard deviation > 0 m');
  const q = number('q', (x) => x >= 0, 'a process noise density ≥ 0 m²/s³');
  const pd = number('pd', (x) => x > 0 && x < 1, 'a detection probability in (0, 1)');
  const clutterLambda = number('clutter_lambda', (x) => x >= 0, 'a clutter rate ≥ 0 per scan');
  if (dt !== undefined) out.dt = dt;
  if (sigma !== undefined) out.sigma = sigma;
  if (q !== undefined) out.q = q;
  if (pd !== undefined) out.pd = pd;
  if (clutterLambda !== undefined) out.clutterLambda = clutterLambda;
  const box = v['box'];
  if (box !== undefined) {
    if (!isRecord(box))
      problems.add([...path, 'box'], `expected {x, y, z} as [min, max] pairs, got ${describe(box)}`);
    else {
      const range = new Float64Array(2);
      const min: [number, number, number] = [0, 0, 0];
      const max: [number, number, number] = [0, 0, 0];
      let ok = true;
      ['x', 'y', 'z'].forEach((axis, k) => {
        const p = [...path, 'box', axis];
        if (!readVector(box[axis], 2, range, 0, p, problems, '[min, max] in m')) ok = false;
        else if (!(range[0]! < range[1]!)) {
          problems.add(p, `expected min < max, got [${range[0]}, ${range[1]}]`);
          ok = false;
        } else {
          min[k] = range[0]!;
          max[k] = range[1]!;
        }
      });
      if (ok) out.box = { min, max };
    }
  }
  return out;
}

function readTimes(v: unknown, problems: Problems): Float64Array {
  if (!Array.isArray(v)) {
    problems.add(['times'], `expected an array of scan times (s), got ${describe(v)}`);
    return new Float64Array(0);
  }
  const times = new Float64Array(v.length);
  for (let i = 0; i < v.length && !problems.full; i++) {
    const t = v[i];
    if (typeof t !== 'number' || !Number.isFinite(t))
      problems.add(['times', i], `expected a time in s, got ${describe(t)}`);
    else if (i > 0 && t < times[i - 1]!)
      problems.add(['times', i], `times must not decrease (${t} after ${times[i - 1]})`);
    else times[i] = t;
  }
  return times;
}

function readScans(v: unknown, times: Float64Array, problems: Problems): PeerBenchScan[] {
  if (!Array.isArray(v)) {
    problems.add(['scans'], `expected an array of scans, got ${describe(v)}`);
    return [];
  }
  if (v.length !== times.length) {
    problems.add(['scans'], `expected one scan per entry of times (${times.length}), got ${v.length}`);
  }
  const scans: PeerBenchScan[] = [];
  for (let i = 0; i < v.length && !problems.full; i++) {
    const scan = v[i];
    const path = ['scans', i];
    if (!isRecord(scan)) {
      problems.add(path, `expected {scan, t, measurements}, got ${describe(scan)}`);
      continue;
    }
    const t = scan['t'];
    if (typeof t !== 'number' || !Number.isFinite(t)) {
      problems.add([...path, 't'], `expected the scan time in s, got ${describe(t)}`);
      continue;
    }
    if (i < times.length && t !== times[i])
      problems.add([...path, 't'], `expected times[${i}] = ${times[i]}, got ${t}`);
    const list = scan['measurements'];
    if (!Array.isArray(list)) {
      problems.add([...path, 'measurements'], `expected an array of [x, y, z], got ${describe(list)}`);
      continue;
    }
    const measurements = new Float64Array(3 * list.length);
    for (let j = 0; j < list.length; j++) {
      const p = [...path, 'measurements', j];
      if (!readVector(list[j], 3, measurements, 3 * j, p, problems, 'a position [x, y, z] in m')) break;
    }
    scans.push({ t, count: list.length, measurements });
  }
  return scans;
}

function readGroundTruth(v: unknown, scanCount: number, problems: Problems): PeerBenchTruth[] {
  if (!Array.isArray(v)) {
    problems.add(['ground_truth'], `expected an array of targets, got ${describe(v)}`);
    return [];
  }
  const truths: PeerBenchTruth[] = [];
  for (let i = 0; i < v.length && !problems.full; i++) {
    const target = v[i];
    const path = ['ground_truth', i];
    if (!isRecord(target)) {
      problems.add(path, `expected {id, birth_scan, death_scan, states}, got ${describe(target)}`);
      continue;
    }
    const id = target['id'];
    const birth = target['birth_scan'];
    const death = target['death_scan'];
    if (!Number.isInteger(id)) problems.add([...path, 'id'], `expected an integer id, got ${describe(id)}`);
    if (!Number.isInteger(birth) || (birth as number) < 0) {
      problems.add([...path, 'birth_scan'], `expected a scan index ≥ 0, got ${describe(birth)}`);
    }
    if (!Number.isInteger(death) || (death as number) <= (birth as number) || (death as number) > scanCount) {
      problems.add(
        [...path, 'death_scan'],
        `expected a scan index in (birth_scan, ${scanCount}], got ${describe(death)}`,
      );
    }
    const states = target['states'];
    const expected = (death as number) - (birth as number);
    if (!Array.isArray(states) || states.length !== expected) {
      problems.add(
        [...path, 'states'],
        `expected ${expected} states (death_scan − birth_scan), got ${describe(states)}`,
      );
      continue;
    }
    const out = new Float64Array(7 * states.length);
    for (let k = 0; k < states.length; k++) {
      const p = [...path, 'states', k];
      if (!readVector(states[k], 7, out, 7 * k, p, problems, 'a state [t, x, y, z, vx, vy, vz]')) break;
    }
    truths.push({ id: id as number, birthScan: birth as number, deathScan: death as number, states: out });
  }
  return truths;
}

/** Parses and validates a scenario file; throws InputError listing what is wrong. */
export function parsePeerBenchScenario(text: string, source: string): PeerBenchScenario {
  const doc = parseJson(text, source);
  const problems = new Problems(source);
  if (!isRecord(doc)) {
    problems.add([], `expected a ${SCENARIO_FORMAT} object, got ${describe(doc)}`);
    problems.throwIfAny();
    throw new Error('unreachable');
  }
  if (doc['format'] !== SCENARIO_FORMAT) {
    problems.add(['format'], `expected "${SCENARIO_FORMAT}", got ${describe(doc['format'])}`);
  }
  const parameters = readParameters(doc['parameters'], problems);
  const times = readTimes(doc['times'], problems);
  const scans = readScans(doc['scans'], times, problems);
  const groundTruth =
    doc['ground_truth'] === undefined ? null : readGroundTruth(doc['ground_truth'], scans.length, problems);
  problems.throwIfAny();
  return { parameters, times, scans, groundTruth };
}

/** Parses and validates a tracks file; throws InputError listing what is wrong. */
export function parsePeerBenchTracks(text: string, source: string): PeerBenchTracks {
  const doc = parseJson(text, source);
  const problems = new Problems(source);
  if (!isRecord(doc)) {
    problems.add([], `expected a ${TRACKS_FORMAT} object, got ${describe(doc)}`);
    problems.throwIfAny();
    throw new Error('unreachable');
  }
  if (doc['format'] !== TRACKS_FORMAT) {
    problems.add(['format'], `expected "${TRACKS_FORMAT}", got ${describe(doc['format'])}`);
  }
  const list = doc['tracks'];
  const tracks: PeerBenchTrack[] = [];
  if (!Array.isArray(list)) problems.add(['tracks'], `expected an array of tracks, got ${describe(list)}`);
  else {
    for (let i = 0; i < list.length && !problems.full; i++) {
      const track = list[i];
      const path = ['tracks', i];
      if (!isRecord(track)) {
        problems.add(path, `expected {id, states}, got ${describe(track)}`);
        continue;
      }
      const id = track['id'];
      if (typeof id !== 'number' || !Number.isFinite(id)) {
        problems.add([...path, 'id'], `expected a numeric id, got ${describe(id)}`);
      }
      const states = track['states'];
      if (!Array.isArray(states)) {
        problems.add([...path, 'states'], `expected an array of [t, x, y, z], got ${describe(states)}`);
        continue;
      }
      const out = new Float64Array(4 * states.length);
      for (let k = 0; k < states.length; k++) {
        if (!readVector(states[k], 4, out, 4 * k, [...path, 'states', k], problems, 'a state [t, x, y, z]'))
          break;
      }
      tracks.push({ id: id as number, states: out });
    }
  }
  let trackingWallS: number | null = null;
  const timing = doc['timing'];
  if (timing !== undefined) {
    const wall = isRecord(timing) ? timing['trackingWallS'] : undefined;
    if (typeof wall === 'number' && Number.isFinite(wall) && wall >= 0) trackingWallS = wall;
    else if (!isRecord(timing) || wall !== undefined) {
      problems.add(['timing', 'trackingWallS'], `expected a time ≥ 0 in s, got ${describe(wall ?? timing)}`);
    }
  }
  problems.throwIfAny();
  return { tracks, trackingWallS };
}
