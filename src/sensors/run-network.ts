// Runs a scenario's whole sensor network over its ground truth: every sensor model on
// its own random stream (split by sensor id), then the scenario's random false alarms
// and faults applied to that sensor's stream, then all streams merged in time order.
// The result is what the warning centre receives, plus the truth labels for scoring.

import type { SatelliteOrbit } from '../orbits/orbit.ts';
import { makeOrbit } from '../orbits/presets.ts';
import { greatCircleDistance } from '../physics/geodesy.ts';
import type { Rng } from '../physics/random.ts';
import { createRng } from '../physics/random.ts';
import type {
  FalseAlarmsSpec,
  SatelliteSpec,
  Scenario,
  SensorFaultSpec,
  WeatherSpec,
} from '../scenario/scenario.ts';
import { phenomenaOf } from '../world/phenomena.ts';
import type { Truth } from '../world/truth.ts';
import { exerciseAttackTruth } from './exercise-attack.ts';
import { irFalseReport, radarFalseReport } from './false-reports.ts';
import {
  applyCorruptCount,
  applyOutage,
  applyReplay,
  applyStuck,
  type LabelledReport,
  mergeByTime,
} from './faults.ts';
import { irSensor } from './ir/satellite-sensor.ts';
import { type ResolvedNetwork, resolveNetwork } from './network.ts';
import type { RadarFace } from './radar/face.ts';
import { radarFaces } from './radar/radar.ts';
import type { SensorReport, TruthLabel } from './report.ts';
import type { SensorModel } from './sensor.ts';
import { type Weather, WorldView } from './world-view.ts';

/** Cloud-top altitude when a scenario gives no weather, m [E]: a typical high deck. */
export const DEFAULT_CLOUD_TOP_M = 10_000;

export interface SensorInfo {
  id: string;
  kind: 'ir' | 'radar';
  /** Satellite orbit (ir) or the radar it belongs to (radar face). */
  orbit?: SatelliteOrbit;
  radarId?: string;
  revisitS: number;
}

export interface NetworkRun {
  reports: SensorReport[];
  /** labels[i] belongs to reports[i]. */
  labels: TruthLabel[];
  sensors: SensorInfo[];
  network: ResolvedNetwork;
}

export function weatherOf(spec: WeatherSpec | null): Weather {
  if (!spec) return { cloudTopM: () => DEFAULT_CLOUD_TOP_M };
  return {
    cloudTopM(latRad: number, lonRad: number): number {
      for (const r of spec.regions) {
        if (greatCircleDistance(r.center.latRad, r.center.lonRad, latRad, lonRad) <= r.radiusM)
          return r.cloudTopM;
      }
      return spec.cloudTopM;
    },
  };
}

interface Built {
  model: SensorModel;
  info: SensorInfo;
  phantom: (t: number, rng: Rng, id: string) => SensorReport | null;
}

function buildSensors(network: ResolvedNetwork, epochUnixMs: number): Built[] {
  const built: Built[] = [];
  for (const sat of network.satellites) {
    const orbit = makeOrbit(sat.orbit, epochUnixMs);
    const model = irSensor(sat, orbit, network.degraded.get(sat.id));
    built.push({
      model,
      info: { id: sat.id, kind: 'ir', orbit, revisitS: sat.sensor.revisitS },
      phantom: (t, rng, id) => irFalseReport(sat as SatelliteSpec, orbit, t, rng, id),
    });
  }
  for (const radar of network.radars) {
    for (const model of radarFaces(radar, network.degraded)) {
      const face = model as RadarFace;
      built.push({
        model,
        info: { id: face.id, kind: 'radar', radarId: radar.id, revisitS: face.spec.revisitS },
        phantom: (t, rng, id) => radarFalseReport(face, t, rng, id),
      });
    }
  }
  return built;
}

function collect(model: SensorModel, world: WorldView, rng: Rng): LabelledReport[] {
  const out: LabelledReport[] = [];
  model.simulate(world, rng, (report, label) => out.push({ report, label }));
  return out;
}

/** Random false alarms of a `false-alarms` event on one sensor: Poisson in time. */
function falseAlarms(b: Built, events: FalseAlarmsSpec[], rng: Rng, durationS: number): LabelledReport[] {
  const out: LabelledReport[] = [];
  let n = 0;
  for (const e of events) {
    const until = Math.min(e.untilS, durationS);
    const count = rng.poisson(e.ratePerS * Math.max(0, until - e.fromS));
    const times = Array.from({ length: count }, () => e.fromS + rng.uniform() * (until - e.fromS)).sort(
      (a, c) => a - c,
    );
    for (const t of times) {
      const report = b.phantom(t, rng, `${b.info.id}#false${++n}`);
      if (report)
        out.push({
          report,
          label: { reportId: report.id, cause: 'false-alarm', objectId: null, eventId: e.id },
        });
    }
  }
  return out;
}

function faultsOf(b: Built, faults: SensorFaultSpec[]): SensorFaultSpec[] {
  return faults.filter(
    (f) => f.sensorId === b.info.id || (b.info.radarId !== undefined && f.sensorId === b.info.radarId),
  );
}

function applyFaults(
  b: Built,
  stream: LabelledReport[],
  faults: SensorFaultSpec[],
  world: WorldView,
  rng: Rng,
): LabelledReport[] {
  let s = stream;
  for (const f of faults) {
    switch (f.kind) {
      case 'outage':
        s = applyOutage(s, f);
        break;
      case 'stuck':
        s = applyStuck(s, f, b.info.revisitS);
        break;
      case 'corrupt-count':
        s = applyCorruptCount(s, f, b.info.revisitS, rng.split(`fault:${f.id}`), (t, id) =>
          b.phantom(t, rng.split(`phantom:${f.id}:${id}`), id),
        );
        break;
      case 'replay': {
        const exercise = exerciseAttackTruth(world.epochUnixMs, f.fromS, world.durationS);
        const replayWorld = new WorldView(exercise, { glints: [], heatSources: [] }, world.weather);
        s = applyReplay(s, f, collect(b.model, replayWorld, rng.split(`replay:${f.id}`)));
        break;
      }
    }
  }
  return s;
}

/**
 * What simulateNetwork and openNetwork share: the resolved network, the world the
 * sensors look at, the sensors built, and per sensor its random stream (split from the
 * run's seed by sensor id, so adding a sensor changes no other's noise), false alarms
 * and faults.
 */
function networkSetup(scenario: Scenario, truth: Truth, seed: number) {
  const network = resolveNetwork(scenario.network, scenario.source);
  const world = new WorldView(truth, phenomenaOf(scenario), weatherOf(scenario.weather));
  const root = createRng(seed, 'sensors');
  const falseAlarmEvents = scenario.events.filter((e): e is FalseAlarmsSpec => e.type === 'false-alarms');
  const faults = scenario.events.filter((e): e is SensorFaultSpec => e.type === 'sensor-fault');
  const built = buildSensors(network, scenario.epochUnixMs);
  const sensor = (b: Built) => ({
    rng: root.split(b.info.id),
    alarmEvents: alarmsOf(b, falseAlarmEvents),
    sensorFaults: faultsOf(b, faults),
  });
  return { network, world, built, sensor };
}

/**
 * One sensor's stream in a network feed: reports simulated but not yet merged (from
 * `head` on), and the time before which the stream is complete (Infinity once it is).
 */
interface FeedSource {
  queue: LabelledReport[];
  head: number;
  completeBeforeS: number;
  /** Simulates the next scan; null once the stream is complete. */
  scans: Generator<number, void, void> | null;
}

function stepSource(s: FeedSource): void {
  const next = s.scans!.next();
  if (!next.done) s.completeBeforeS = next.value;
  else {
    s.completeBeforeS = Number.POSITIVE_INFINITY;
    s.scans = null;
  }
}

/** A network run simulated only as far as it is read: `advance(t)` completes it up to t. */
export interface NetworkFeed extends NetworkRun {
  /** Simulates until `reports` holds every report up to time t (s), and none later. */
  advance(tS: number): void;
}

/**
 * The network run of simulateNetwork, simulated on demand: a run that stops early
 * (warning time stops at the attack warning, minutes into a 40-minute flight) does not
 * pay for the sensors' later scans. A sensor with false alarms or faults, which act on
 * its whole stream, is simulated whole at the start. The streams are merged by the
 * earliest next report, ties to the sensor built first: the order simulateNetwork's
 * successive two-way merges give, so `reports` is a prefix of its reports.
 */
export function openNetwork(scenario: Scenario, truth: Truth, seed: number): NetworkFeed {
  const { network, world, built, sensor } = networkSetup(scenario, truth, seed);
  const sources: FeedSource[] = built.map((b) => {
    const { rng, alarmEvents, sensorFaults } = sensor(b);
    if (alarmEvents.length > 0 || sensorFaults.length > 0) {
      const queue = sensorStream(b, rng, world, alarmEvents, sensorFaults, scenario.durationS);
      return { queue, head: 0, completeBeforeS: Number.POSITIVE_INFINITY, scans: null };
    }
    const queue: LabelledReport[] = [];
    const scans = b.model.scans(world, rng, (report, label) => queue.push({ report, label }));
    return { queue, head: 0, completeBeforeS: Number.NEGATIVE_INFINITY, scans };
  });
  const reports: SensorReport[] = [];
  const labels: TruthLabel[] = [];
  const advance = (tS: number): void => {
    for (;;) {
      // The earliest report waiting, ties to the first source.
      let pick = -1;
      let pickS = Number.POSITIVE_INFINITY;
      for (let i = 0; i < sources.length; i++) {
        const s = sources[i]!;
        if (s.head < s.queue.length && s.queue[s.head]!.report.timeS < pickS) {
          pick = i;
          pickS = s.queue[s.head]!.report.timeS;
        }
      }
      // A source with nothing waiting might still have a report before it (or at the
      // same time and ahead of it), or before tS: simulate its next scan first.
      const limit = Math.min(pickS, tS);
      let stepped = false;
      for (let i = 0; i < sources.length; i++) {
        const s = sources[i]!;
        if (s.head < s.queue.length || s.completeBeforeS > limit || s.scans === null) continue;
        if (s.completeBeforeS === limit && pick >= 0 && pickS <= tS && i > pick) continue;
        stepSource(s);
        stepped = true;
      }
      if (stepped) continue;
      if (pick < 0 || pickS > tS) return;
      const s = sources[pick]!;
      const r = s.queue[s.head++]!;
      reports.push(r.report);
      labels.push(r.label);
      if (s.head === s.queue.length) {
        s.queue.length = 0;
        s.head = 0;
      }
    }
  };
  return { reports, labels, sensors: built.map((b) => b.info), network, advance };
}

function alarmsOf(b: Built, events: FalseAlarmsSpec[]): FalseAlarmsSpec[] {
  return events.filter(
    (e) => e.sensorId === '*' || e.sensorId === b.info.id || e.sensorId === b.info.radarId,
  );
}

/** One sensor's whole stream: its model's reports, its false alarms, then its faults. */
function sensorStream(
  b: Built,
  rng: Rng,
  world: WorldView,
  alarmEvents: FalseAlarmsSpec[],
  sensorFaults: SensorFaultSpec[],
  durationS: number,
): LabelledReport[] {
  let stream = collect(b.model, world, rng);
  stream = mergeByTime(stream, falseAlarms(b, alarmEvents, rng.split('false-alarms'), durationS));
  return applyFaults(b, stream, sensorFaults, world, rng.split('faults'));
}

/** Simulates every sensor of the scenario's network over `truth` with the run's seed. */
export function simulateNetwork(
  scenario: Scenario,
  truth: Truth,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): NetworkRun {
  const { network, world, built, sensor } = networkSetup(scenario, truth, seed);
  let merged: LabelledReport[] = [];
  const sensors: SensorInfo[] = [];
  for (const [i, b] of built.entries()) {
    onProgress?.(i, built.length);
    const { rng, alarmEvents, sensorFaults } = sensor(b);
    const stream = sensorStream(b, rng, world, alarmEvents, sensorFaults, scenario.durationS);
    merged = mergeByTime(merged, stream);
    sensors.push(b.info);
  }
  return { reports: merged.map((r) => r.report), labels: merged.map((r) => r.label), sensors, network };
}
