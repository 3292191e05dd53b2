// The centre's tracks in the CZML scene (track-recorder.ts): one packet `track/<id>` per
// track, its position sampled at every assessment from when the centre first held it
// to when it last did, with its kind (3d or angle-only), status, classification and
// (3-D tracks) 1σ position error as time-tagged properties. Any Cesium viewer draws them as moving points; the
// console reads the samples to show the picture of each step.
import { isoFromUnixMs } from '../../physics/time.ts';
import { round } from '../summary.ts';
import type { CzmlPacket } from './czml.ts';
import type { RecordedTrack } from './track-recorder.ts';

const TRACK_COLOUR = [255, 255, 255, 255];

/** The value of sample i holds until sample i+1 (the last one until its own time): runs of equal values as CZML intervals. */
function intervals(t: readonly number[], values: readonly string[], iso: (tS: number) => string) {
  const out: Array<{ interval: string; string: string }> = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i < values.length && values[i] === values[start]) continue;
    const end = t[Math.min(i, t.length - 1)]!;
    out.push({ interval: `${iso(t[start]!)}/${iso(end)}`, string: values[start]! });
    start = i;
  }
  return out;
}

export function trackPacket(r: RecordedTrack, epochUnixMs: number): CzmlPacket | null {
  const n = r.timeS.length;
  if (n === 0) return null;
  const iso = (tS: number) => isoFromUnixMs(epochUnixMs + tS * 1000);
  const t0 = r.timeS[0]!;
  const cartographicDegrees: number[] = [];
  const sigma: number[] = [];
  for (let i = 0; i < n; i++) {
    const dt = round(r.timeS[i]! - t0, 3);
    cartographicDegrees.push(
      dt,
      round(r.lonDeg[i]!, 4),
      round(r.latDeg[i]!, 4),
      round(r.altKm[i]! * 1000, 0),
    );
    const s = r.sigmaKm[i];
    if (s !== null && s !== undefined) sigma.push(dt, round(s, 3));
  }
  const lastClass = r.classification[n - 1]!;
  return {
    id: `track/${r.id}`,
    name: `${r.id} (${r.kind[n - 1] === '3d' ? 'track' : 'angle-only track'}, ${lastClass})`,
    availability: `${iso(t0)}/${iso(r.timeS[n - 1]!)}`,
    properties: {
      trackKind: intervals(r.timeS, r.kind, iso),
      status: intervals(r.timeS, r.status, iso),
      classification: intervals(r.timeS, r.classification, iso),
      ...(sigma.length > 0 ? { positionSigmaKm: { epoch: iso(t0), number: sigma } } : {}),
    },
    position: { epoch: iso(t0), cartographicDegrees },
    point: {
      pixelSize: 6,
      color: { rgba: TRACK_COLOUR },
      outlineColor: { rgba: [0, 0, 0, 255] },
      outlineWidth: 1,
    },
    path: {
      width: 1,
      leadTime: 0,
      trailTime: 600,
      material: { solidColor: { color: { rgba: [255, 255, 255, 140] } } },
    },
  };
}
