// Builds a scenario's sensor network: a preset, plus sensors written out in the
// file, minus disabled ones; unknown preset names and ids are located input errors.
import { InputError } from '../scenario/input-error.ts';
import { scenarioProblem } from '../scenario/locate.ts';
import type { DegradeSpec, NetworkSpec, RadarSpec, SatelliteSpec } from '../scenario/scenario.ts';
import { nearest } from '../scenario/suggest.ts';
import { NETWORK_PRESETS } from './networks/presets.ts';

export interface ResolvedNetwork {
  satellites: SatelliteSpec[];
  radars: RadarSpec[];
  degraded: Map<string, DegradeSpec>;
}

type Source = { name: string; text: string };

function problem(source: Source | undefined, path: (string | number)[], message: string): InputError {
  return new InputError(source ? scenarioProblem(source, path, message) : { path, message });
}

/** All sensor ids a network defines: satellites, radars and radar faces. */
export function sensorIds(n: { satellites: SatelliteSpec[]; radars: RadarSpec[] }): string[] {
  return [...n.satellites.map((s) => s.id), ...n.radars.flatMap((r) => [r.id, ...r.faces.map((f) => f.id)])];
}

export function resolveNetwork(spec: NetworkSpec, source?: Source): ResolvedNetwork {
  const preset = NETWORK_PRESETS[spec.preset];
  if (!preset) {
    const near = nearest(spec.preset, Object.keys(NETWORK_PRESETS));
    throw problem(
      source,
      ['network'],
      `unknown network preset '${spec.preset}'${near ? ` — did you mean '${near}'?` : ''} (presets: ${Object.keys(NETWORK_PRESETS).join(', ')})`,
    );
  }
  const satellites = [...preset.satellites, ...spec.satellites];
  const radars = [...preset.radars, ...spec.radars];
  const known = new Set(sensorIds({ satellites, radars }));
  const problems = [];
  for (const [i, id] of spec.disabled.entries()) {
    if (!known.has(id))
      problems.push(scenarioProblemOrPlain(source, ['network', 'disable', i], unknownSensor(id, known)));
  }
  for (const [i, d] of spec.degraded.entries()) {
    if (!known.has(d.id))
      problems.push(
        scenarioProblemOrPlain(source, ['network', 'degrade', i, 'id'], unknownSensor(d.id, known)),
      );
  }
  if (problems.length > 0) throw new InputError(problems);

  const off = new Set(spec.disabled);
  const keptRadars = radars
    .filter((r) => !off.has(r.id))
    .map((r) => ({ ...r, faces: r.faces.filter((f) => !off.has(f.id)) }))
    .filter((r) => r.faces.length > 0);
  const degraded = new Map<string, DegradeSpec>();
  for (const d of spec.degraded) {
    const radar = keptRadars.find((r) => r.id === d.id);
    // Degrading a radar degrades each of its faces.
    for (const id of radar ? radar.faces.map((f) => f.id) : [d.id]) degraded.set(id, d);
  }
  return { satellites: satellites.filter((s) => !off.has(s.id)), radars: keptRadars, degraded };
}

function unknownSensor(id: string, known: Set<string>): string {
  const near = nearest(id, [...known]);
  return `no sensor '${id}' in this network${near ? ` — did you mean '${near}'?` : ''}`;
}

function scenarioProblemOrPlain(source: Source | undefined, path: (string | number)[], message: string) {
  return source ? scenarioProblem(source, path, message) : { path, message };
}
