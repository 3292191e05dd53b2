// The centre's tracks of a recorded run: the `track/<id>` packets of scene.czml
// (src/analysis/export/track-czml.ts), each position sampled at every assessment with
// its kind, status, classification and 1σ as time-tagged values. At a time the console
// shows each track as the picture of the last assessment held it, with a trail of its
// positions before — what a live run's stream would have shown then.
import { HISTORY_POINTS } from './picture-model.ts';
import type { RunSummary } from './summary-types.ts';
import type { Track } from './types.ts';

/** The centre's assessment interval, s (src/analysis/run-centre.ts ASSESS_EVERY_S): one sample each. */
export const RECORDED_STEP_S = 5;

interface Interval {
  interval: string;
  string: string;
}

interface TrackPacket {
  id: string;
  position?: { epoch?: string; cartographicDegrees?: number[] };
  properties?: {
    trackKind?: Interval[] | string;
    status?: Interval[] | string;
    classification?: Interval[] | string;
    positionSigmaKm?: { epoch?: string; number?: number[] };
  };
}

export interface RecordedTrack {
  id: string;
  /** Sample times, s after the epoch, ascending. */
  timeS: number[];
  latDeg: number[];
  lonDeg: number[];
  altKm: number[];
  kind: Array<Track['kind']>;
  status: Array<Track['status']>;
  classification: string[];
  sigmaKm: Array<number | null>;
}

/** The value of each sample: a constant, or from intervals that each hold from their start until the next begins. */
function valuesAt(
  list: Interval[] | string | undefined,
  times: readonly number[],
  secondsOf: (iso: string) => number,
) {
  if (!Array.isArray(list)) return times.map(() => list ?? '');
  const starts = list.map((x) => ({ startS: secondsOf(x.interval.split('/')[0]!), value: x.string }));
  const out: string[] = [];
  let k = 0;
  for (const t of times) {
    while (k + 1 < starts.length && starts[k + 1]!.startS <= t + 1e-6) k++;
    out.push(starts[k]?.value ?? '');
  }
  return out;
}

export function recordedTracksOfCzml(czml: readonly unknown[], epoch: string): RecordedTrack[] {
  const epochMs = Date.parse(epoch);
  const secondsOf = (iso: string) => (Date.parse(iso) - epochMs) / 1000;
  const tracks: RecordedTrack[] = [];
  for (const p of czml as TrackPacket[]) {
    if (!p.id.startsWith('track/') || !p.position?.epoch) continue;
    const t0 = secondsOf(p.position.epoch);
    const c = p.position.cartographicDegrees ?? [];
    const r: RecordedTrack = {
      id: p.id.slice('track/'.length),
      timeS: [],
      latDeg: [],
      lonDeg: [],
      altKm: [],
      kind: [],
      status: [],
      classification: [],
      sigmaKm: [],
    };
    for (let i = 0; i + 3 < c.length; i += 4) {
      r.timeS.push(t0 + c[i]!);
      r.lonDeg.push(c[i + 1]!);
      r.latDeg.push(c[i + 2]!);
      r.altKm.push(c[i + 3]! / 1000);
    }
    r.kind = valuesAt(p.properties?.trackKind, r.timeS, secondsOf) as RecordedTrack['kind'];
    r.status = valuesAt(p.properties?.status, r.timeS, secondsOf) as RecordedTrack['status'];
    r.classification = valuesAt(p.properties?.classification, r.timeS, secondsOf);
    const sigma = new Map<number, number>();
    const s = p.properties?.positionSigmaKm;
    if (s?.epoch && s.number) {
      const s0 = secondsOf(s.epoch);
      for (let i = 0; i + 1 < s.number.length; i += 2)
        sigma.set(Math.round((s0 + s.number[i]!) * 1000), s.number[i + 1]!);
    }
    r.sigmaKm = r.timeS.map((t) => sigma.get(Math.round(t * 1000)) ?? null);
    if (r.timeS.length > 0) tracks.push(r);
  }
  return tracks;
}

/** Index of the last sample at or before tS, or -1. */
function sampleAt(times: readonly number[], tS: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || times[0]! > tS) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= tS) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RecordedPicture {
  /** The time of the assessment shown, or null before the first. */
  stepS: number | null;
  tracks: Track[];
  /** Per track: its trail, flat [tS, latDeg, lonDeg, altKm, …] oldest first (the picture model's history). */
  trails: Map<string, number[]>;
}

/** The time of the last assessment at or before tS, or null before the first. */
export function recordedStepAt(tS: number): number | null {
  return tS >= RECORDED_STEP_S ? Math.floor(tS / RECORDED_STEP_S + 1e-9) * RECORDED_STEP_S : null;
}

/** The tracks as the last assessment at or before tS held them. */
export function recordedTracksAt(
  tracks: readonly RecordedTrack[],
  summary: Pick<RunSummary, 'tracks'>,
  tS: number,
): RecordedPicture {
  const rows = new Map(summary.tracks.map((t) => [t.id, t]));
  const stepS = recordedStepAt(tS);
  const out: RecordedPicture = { stepS, tracks: [], trails: new Map() };
  if (stepS === null) return out;
  for (const r of tracks) {
    const i = sampleAt(r.timeS, stepS + 1e-6);
    // Held at this assessment: it has a sample there (a track dropped before has none).
    if (i < 0 || Math.abs(r.timeS[i]! - stepS) > 1e-6) continue;
    const kind = r.kind[i] ?? '3d';
    const lat = r.latDeg[i]!;
    const lon = r.lonDeg[i]!;
    const row = rows.get(r.id);
    out.tracks.push({
      id: r.id,
      kind,
      status: r.status[i] ?? 'confirmed',
      firstTimeS: row?.firstTimeS ?? r.timeS[0]!,
      lastTimeS: Math.min(row?.lastTimeS ?? r.timeS[i]!, r.timeS[i]!),
      timeS: r.timeS[i]!,
      sensors: row?.sensors ?? [],
      classification: r.classification[i] || 'unclassified',
      position: kind === '3d' ? { latDeg: lat, lonDeg: lon, altKm: r.altKm[i]! } : null,
      velocityEcefMps: null,
      positionSigmaKm: r.sigmaKm[i] ?? null,
      boostProbability: null,
      sensorId: null,
      groundPoint: kind === 'angle-only' ? { latDeg: lat, lonDeg: lon } : null,
      bearing: null,
    });
    const trail: number[] = [];
    for (let k = Math.max(0, i - HISTORY_POINTS + 1); k <= i; k++)
      trail.push(r.timeS[k]!, r.latDeg[k]!, r.lonDeg[k]!, r.altKm[k]!);
    out.trails.set(r.id, trail);
  }
  return out;
}
