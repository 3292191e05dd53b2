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

/** Simulates every sensor of the scenario's network over `truth` with the run's seed. */
export function simulateNetwork(
  scenario: Scenario,
  truth: Truth,
  seed: number,
  onProgress?: (done: number, total: number) => void,
): NetworkRun {
  const network = resolveNetwork(scenario.network, scenario.source);
  const world = new WorldView(truth, phenomenaOf(scenario), weatherOf(scenario.weather));
  const root = createRng(seed, 'sensors');
  const falseAlarmEvents = scenario.events.filter((e): e is FalseAlarmsSpec => e.type === 'false-alarms');
  const faults = scenario.events.filter((e): e is SensorFaultSpec => e.type === 'sensor-fault');
  let merged: LabelledReport[] = [];
  const sensors: SensorInfo[] = [];
  const built = buildSensors(network, scenario.epochUnixMs);
  for (const [i, b] of built.entries()) {
    onProgress?.(i, built.length);
    const rng = root.split(b.info.id);
    let stream = collect(b.model, world, rng);
    const alarms = falseAlarms(
      b,
      falseAlarmEvents.filter(
        (e) => e.sensorId === '*' || e.sensorId === b.info.id || e.sensorId === b.info.radarId,
      ),
      rng.split('false-alarms'),
      scenario.durationS,
    );
    stream = mergeByTime(stream, alarms);
    stream = applyFaults(b, stream, faultsOf(b, faults), world, rng.split('faults'));
    merged = mergeByTime(merged, stream);
    sensors.push(b.info);
  }
  return { reports: merged.map((r) => r.report), labels: merged.map((r) => r.label), sensors, network };
}
