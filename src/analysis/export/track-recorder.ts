// The centre's tracks over a run, sampled at every assessment — what a live run streams
// step by step (live/live-track.ts), kept for the recorded scene (czml.ts) so a replay
// can draw tracks where the centre held them. A 3-D track keeps its estimated position
// and 1σ; an angle-only track the point where its first held bearing meets the ground
// (a track may begin angle-only and become 3-D under the same id).
// It only reads the centre, so recording changes nothing in the run.
import type { WarningCentre } from '../../centre/assessment/warning-centre.ts';
import { gmstAt } from '../../orbits/sidereal.ts';
import { type LiveTrack, liveTrackOf3d, liveTrackOfAngleOnly } from '../live/live-track.ts';

export interface RecordedTrack {
  id: string;
  /** Per sample: step time s, kind, latDeg, lonDeg, altKm (0 on the ground), status, classification, 1σ km (null: angle-only). */
  timeS: number[];
  kind: Array<'3d' | 'angle-only'>;
  latDeg: number[];
  lonDeg: number[];
  altKm: number[];
  status: string[];
  classification: string[];
  sigmaKm: Array<number | null>;
}

export class TrackRecorder {
  readonly tracks = new Map<string, RecordedTrack>();
  private readonly gmst: (tS: number) => number;

  constructor(epochUnixMs: number) {
    this.gmst = (t) => gmstAt(epochUnixMs, t);
  }

  /** Called after each assessment at step time tS (runCentre's onCycle). */
  readonly onCycle = (tS: number, centre: WarningCentre): void => {
    const picture = centre.latestPicture();
    if (!picture) return;
    const classOf = (id: string) => centre.classificationOf(id) ?? 'unclassified';
    for (const t of picture.tracks) this.add(tS, liveTrackOf3d(t, classOf(t.id), this.gmst(t.timeS)));
    for (const a of picture.angleOnly) this.add(tS, liveTrackOfAngleOnly(a, classOf(a.id), this.gmst));
  };

  private add(tS: number, t: LiveTrack): void {
    const at = t.position ?? (t.groundPoint ? { ...t.groundPoint, altKm: 0 } : null);
    if (!at) return;
    let r = this.tracks.get(t.id);
    if (!r) {
      r = {
        id: t.id,
        timeS: [],
        kind: [],
        latDeg: [],
        lonDeg: [],
        altKm: [],
        status: [],
        classification: [],
        sigmaKm: [],
      };
      this.tracks.set(t.id, r);
    }
    r.timeS.push(tS);
    r.kind.push(t.kind);
    r.latDeg.push(at.latDeg);
    r.lonDeg.push(at.lonDeg);
    r.altKm.push(at.altKm);
    r.status.push(t.status);
    r.classification.push(t.classification);
    r.sigmaKm.push(t.positionSigmaKm);
  }
}
