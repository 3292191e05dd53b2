// Declared variations of a Monte Carlo campaign: each run draws its own values and
// applies them to the normalised Scenario before the chain runs, so every variation
// goes through the same physics and sensor models as a hand-written scenario would.
//
//   noise=A..B        sensor measurement noise × U(A, B), drawn per satellite and per
//                     radar (its faces share it), on top of the scenario's `degrade`
//   pd=A..B           detection probability × U(A, B) (A, B ≤ 1), drawn likewise
//   cloud-top=A..B    cloud-top altitude U(A, B) km for the whole run (the deck; the
//                     scenario's regional decks keep their own)
//   launch-time=S     each launch moved by U(−S, S) s (kept within the run)
//   outage=P          each satellite and each radar is out for the whole run with probability P
//   glint=A..B        each glint field's intensity × U(A, B) (how often it trips an IR sensor)
//
// A single number instead of A..B fixes the value. Draws come from streams named by
// the variation and the sensor or event (createRng(runSeed, 'variations').split(…)),
// so adding a variation, a sensor or an event changes no other draw.

import { createRng, type Rng } from '../../physics/random.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { DegradeSpec, EventSpec, Scenario } from '../../scenario/scenario.ts';
import { DEFAULT_GLINT_INTENSITY } from '../../sensors/ir/glint.ts';
import { resolveNetwork } from '../../sensors/network.ts';

export type Variation =
  | { kind: 'noise'; min: number; max: number }
  | { kind: 'pd'; min: number; max: number }
  | { kind: 'cloud-top'; minKm: number; maxKm: number }
  | { kind: 'launch-time'; spreadS: number }
  | { kind: 'outage'; probability: number }
  | { kind: 'glint'; min: number; max: number };

export const VARIATION_KINDS = ['noise', 'pd', 'cloud-top', 'launch-time', 'outage', 'glint'] as const;

/** What one run drew, for its record (factors and km rounded to 4 decimals, seconds to 0.1). */
export interface DrawnVariation {
  noise?: Record<string, number>;
  pd?: Record<string, number>;
  cloudTopKm?: number;
  launchShiftS?: Record<string, number>;
  outages?: string[];
  glint?: Record<string, number>;
}

function bad(text: string, message: string): never {
  throw new InputError({ source: '--vary', path: [], message: `${message} (got '${text}')` });
}

function range(text: string, value: string, lo: number, hi: number): [number, number] {
  const parts = value.split('..');
  const nums = parts.map((p) => (p.trim() === '' ? Number.NaN : Number(p)));
  if (parts.length > 2 || nums.some((n) => !Number.isFinite(n)))
    bad(text, 'expected a number or a range A..B');
  const a = nums[0]!;
  const b = nums[1] ?? a;
  if (a > b) bad(text, `the range must run upwards: ${a} > ${b}`);
  if (a < lo || b > hi) bad(text, `values must lie in [${lo}, ${hi}]`);
  return [a, b];
}

/** Parses one `kind=value` declaration. */
export function parseVariation(text: string): Variation {
  const eq = text.indexOf('=');
  const kind = eq < 0 ? text.trim() : text.slice(0, eq).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  if (!(VARIATION_KINDS as readonly string[]).includes(kind))
    bad(text, `expected one of ${VARIATION_KINDS.map((k) => `${k}=…`).join(', ')}`);
  if (value === '') bad(text, `'${kind}' needs a value`);
  switch (kind as (typeof VARIATION_KINDS)[number]) {
    case 'noise': {
      const [min, max] = range(text, value, 0.01, 100);
      return { kind: 'noise', min, max };
    }
    case 'pd': {
      const [min, max] = range(text, value, 0, 1);
      return { kind: 'pd', min, max };
    }
    case 'cloud-top': {
      const [minKm, maxKm] = range(text, value, 0, 30);
      return { kind: 'cloud-top', minKm, maxKm };
    }
    case 'launch-time': {
      const [spreadS] = range(text, value, 0, 86_400);
      return { kind: 'launch-time', spreadS };
    }
    case 'outage': {
      const [probability] = range(text, value, 0, 1);
      return { kind: 'outage', probability };
    }
    case 'glint': {
      const [min, max] = range(text, value, 0, 100);
      return { kind: 'glint', min, max };
    }
  }
}

/** Parses every declaration; each argument may hold several, comma-separated. */
export function parseVariations(args: readonly string[]): Variation[] {
  const list = args.flatMap((a) => a.split(',')).filter((s) => s.trim() !== '');
  const parsed = list.map(parseVariation);
  const kinds = parsed.map((v) => v.kind);
  const twice = kinds.find((k, i) => kinds.indexOf(k) !== i);
  if (twice) bad(list.join(','), `'${twice}' is declared twice`);
  return parsed;
}

/** The declaration back as text (for reports). */
export function describeVariation(v: Variation): string {
  const r = (a: number, b: number) => (a === b ? `${a}` : `${a}..${b}`);
  switch (v.kind) {
    case 'noise':
    case 'pd':
    case 'glint':
      return `${v.kind}=${r(v.min, v.max)}`;
    case 'cloud-top':
      return `cloud-top=${r(v.minKm, v.maxKm)}`;
    case 'launch-time':
      return `launch-time=${v.spreadS}`;
    case 'outage':
      return `outage=${v.probability}`;
  }
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d + 0;
const between = (rng: Rng, a: number, b: number) => (a === b ? a : a + (b - a) * rng.uniform());

/** The scenario with this run's draws applied, and what was drawn. */
export function applyVariations(
  scenario: Scenario,
  variations: readonly Variation[],
  runSeed: number,
): { scenario: Scenario; drawn: DrawnVariation } {
  if (variations.length === 0) return { scenario, drawn: {} };
  const root = createRng(runSeed, 'variations');
  const drawn: DrawnVariation = {};
  let s = scenario;
  for (const v of variations) {
    const rng = root.split(v.kind);
    switch (v.kind) {
      case 'noise':
      case 'pd':
        s = scaleSensors(s, v.kind, (id) => between(rng.split(id), v.min, v.max), drawn);
        break;
      case 'cloud-top': {
        const km = between(rng, v.minKm, v.maxKm);
        drawn.cloudTopKm = round(km, 4);
        s = { ...s, weather: { cloudTopM: km * 1000, regions: s.weather?.regions ?? [] } };
        break;
      }
      case 'launch-time':
        s = shiftLaunches(s, v.spreadS, rng, drawn);
        break;
      case 'outage': {
        const units = sensorUnits(s);
        const out = units.filter((u) => rng.split(u.id).uniform() < v.probability).map((u) => u.id);
        drawn.outages = out;
        const disabled = [...s.network.disabled, ...out.filter((id) => !s.network.disabled.includes(id))];
        s = { ...s, network: { ...s.network, disabled } };
        break;
      }
      case 'glint': {
        const factors: Record<string, number> = {};
        const events = s.events.map((e): EventSpec => {
          if (e.type !== 'glint') return e;
          const f = between(rng.split(e.id), v.min, v.max);
          factors[e.id] = round(f, 4);
          return { ...e, intensity: (e.intensity ?? DEFAULT_GLINT_INTENSITY) * f };
        });
        drawn.glint = factors;
        s = { ...s, events };
        break;
      }
    }
  }
  return { scenario: s, drawn };
}

/** Satellites and radars of the scenario's network (a radar's faces go together). */
function sensorUnits(s: Scenario): Array<{ id: string; faces: string[] }> {
  const n = resolveNetwork(s.network, s.source);
  return [
    ...n.satellites.map((sat) => ({ id: sat.id, faces: [sat.id] })),
    ...n.radars.map((r) => ({ id: r.id, faces: r.faces.map((f) => f.id) })),
  ];
}

/**
 * Multiplies each unit's Pd or noise factor by its draw, on top of what the scenario
 * already degrades. The degrade list is rewritten per satellite and per face, so a
 * scenario entry for a radar and one for its face combine as the network would apply them.
 */
function scaleSensors(
  s: Scenario,
  kind: 'noise' | 'pd',
  draw: (unitId: string) => number,
  drawn: DrawnVariation,
): Scenario {
  const resolved = resolveNetwork(s.network, s.source);
  const factors: Record<string, number> = {};
  const degraded: DegradeSpec[] = [];
  for (const unit of sensorUnits(s)) {
    const f = draw(unit.id);
    factors[unit.id] = round(f, 4);
    for (const id of unit.faces) {
      const had = resolved.degraded.get(id);
      const pdFactor = had?.pdFactor ?? 1;
      const sigmaFactor = had?.sigmaFactor ?? 1;
      degraded.push(
        kind === 'pd'
          ? { id, pdFactor: pdFactor * f, sigmaFactor }
          : { id, pdFactor, sigmaFactor: sigmaFactor * f },
      );
    }
  }
  drawn[kind] = factors;
  return { ...s, network: { ...s.network, degraded } };
}

function shiftLaunches(s: Scenario, spreadS: number, rng: Rng, drawn: DrawnVariation): Scenario {
  const shifts: Record<string, number> = {};
  const events = s.events.map((e): EventSpec => {
    if (e.type !== 'launch') return e;
    const latest = Math.max(0, s.durationS - (e.count - 1) * e.spacingS - 1);
    const at = Math.min(latest, Math.max(0, e.atS + (2 * rng.split(e.id).uniform() - 1) * spreadS));
    shifts[e.id] = round(at - e.atS, 1);
    return { ...e, atS: at };
  });
  drawn.launchShiftS = shifts;
  return { ...s, events };
}
