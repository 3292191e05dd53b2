// Scores the centre's track picture against the truth (issue 4, "Scoring"): GOSPA over
// the run, track purity from the truth labels of each track's reports, how soon each
// launch got a confirmed track, and position errors. Analysis may read the truth; the
// centre never does.
import type { WarningCentre } from '../centre/assessment/warning-centre.ts';
import type { TrackPicture } from '../centre/fusion/picture.ts';
import type { TruthLabel } from '../sensors/report.ts';
import { stateAt, type Truth } from '../world/truth.ts';
import { gospa } from './metrics/gospa.ts';
import { round } from './summary.ts';

/** Simulation time between scored pictures, s. */
export const SCORE_EVERY_S = 30;
/** GOSPA cut-off for warning-centre tracks, m: beyond 100 km a track is no match. */
export const SCORE_CUTOFF_M = 100_000;

export interface ScoringSummary {
  gospa: {
    meanKm: number;
    localisationKm: number;
    missedKm: number;
    falseKm: number;
    cutoffKm: number;
    samples: number;
  };
  tracks: { confirmed: number; withTruth: number; meanPurity: number | null };
  launches: { total: number; confirmed: number; medianConfirmAfterLaunchS: number | null };
  rmsPositionErrorKm: number | null;
}

interface Sample {
  tS: number;
  /** Confirmed 3-D tracks: id and ECI position. */
  tracks: Array<{ id: string; position: [number, number, number] }>;
}

/** Collects the confirmed tracks every SCORE_EVERY_S from the centre's assessments. */
export class PictureSampler {
  readonly samples: Sample[] = [];
  /** The report ids of every track seen, as of the last sample that held it. */
  readonly lineages = new Map<string, string[]>();
  private nextS = SCORE_EVERY_S;

  readonly onCycle = (tS: number, centre: WarningCentre): void => {
    if (tS + 1e-9 < this.nextS) return;
    this.nextS += SCORE_EVERY_S;
    const p: TrackPicture | null = centre.latestPicture();
    if (!p) return;
    for (const t of p.tracks) this.lineages.set(t.id, t.lineage.reportIds);
    for (const a of p.angleOnly) this.lineages.set(a.id, a.lineage.reportIds);
    this.samples.push({
      tS,
      tracks: p.tracks
        .filter((t) => t.status === 'confirmed')
        .map((t) => ({ id: t.id, position: t.positionEciM })),
    });
  };
}

export function scoreRun(
  truth: Truth,
  labels: readonly TruthLabel[],
  centre: WarningCentre,
  sampler: PictureSampler,
): ScoringSummary {
  const objectOfReport = new Map(labels.map((l) => [l.reportId, l.cause === 'object' ? l.objectId : null]));
  const eventOfObject = new Map(truth.objects.map((o) => [o.id, o.eventId]));
  // Purity: the share of a track's reports that come from its most frequent object.
  const majority = new Map<string, string | null>();
  const purities: number[] = [];
  const lineages = new Map(sampler.lineages);
  const last = centre.latestPicture();
  for (const t of last?.tracks ?? []) lineages.set(t.id, t.lineage.reportIds);
  for (const a of last?.angleOnly ?? []) lineages.set(a.id, a.lineage.reportIds);
  const summaries = centre.tracker.summary();
  for (const s of summaries) {
    const ids = lineages.get(s.id) ?? [];
    const counts = new Map<string | null, number>();
    for (const r of ids) {
      const o = objectOfReport.get(r) ?? null;
      counts.set(o, (counts.get(o) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestN = 0;
    for (const [o, n] of counts) if (o !== null && n > bestN) [best, bestN] = [o, n];
    majority.set(s.id, best);
    if (ids.length > 0) purities.push(bestN / ids.length);
  }

  // GOSPA and position errors at each sampled time, over every object alive then.
  const pos = new Float64Array(3);
  let sum = 0;
  let loc = 0;
  let missed = 0;
  let falseTerm = 0;
  let sq = 0;
  let nErr = 0;
  for (const s of sampler.samples) {
    const alive = truth.objects.filter((o) => stateAt(o, s.tS, pos));
    const truths = new Float64Array(3 * alive.length);
    alive.forEach((o, i) => {
      stateAt(o, s.tS, pos);
      truths.set(pos, 3 * i);
    });
    const estimates = new Float64Array(3 * s.tracks.length);
    s.tracks.forEach((t, i) => {
      estimates.set(t.position, 3 * i);
    });
    const g = gospa(truths, alive.length, estimates, s.tracks.length, {
      cutoff: SCORE_CUTOFF_M,
      order: 1,
      alpha: 2,
    });
    sum += g.gospa;
    loc += g.localisation;
    missed += g.missed;
    falseTerm += g.false;
    for (const t of s.tracks) {
      const o = majority.get(t.id);
      const obj = o ? truth.objects.find((x) => x.id === o) : undefined;
      if (obj && stateAt(obj, s.tS, pos)) {
        sq +=
          (pos[0]! - t.position[0]) ** 2 + (pos[1]! - t.position[1]) ** 2 + (pos[2]! - t.position[2]) ** 2;
        nErr++;
      }
    }
  }
  const n = Math.max(1, sampler.samples.length);
  // Latency: first confirmed track of each launch after its launch.
  const firstConfirmed = new Map<string, number>();
  for (const s of summaries) {
    const o = majority.get(s.id);
    const e = o ? eventOfObject.get(o) : undefined;
    if (e !== undefined && (firstConfirmed.get(e) ?? Number.POSITIVE_INFINITY) > s.firstTimeS)
      firstConfirmed.set(e, s.firstTimeS);
  }
  const delays = truth.launches
    .filter((l) => firstConfirmed.has(l.eventId))
    .map((l) => firstConfirmed.get(l.eventId)! - l.launchTimeS)
    .sort((a, b) => a - b);
  return {
    gospa: {
      meanKm: round(sum / n / 1000, 2),
      localisationKm: round(loc / n / 1000, 2),
      missedKm: round(missed / n / 1000, 2),
      falseKm: round(falseTerm / n / 1000, 2),
      cutoffKm: SCORE_CUTOFF_M / 1000,
      samples: sampler.samples.length,
    },
    tracks: {
      confirmed: summaries.length,
      withTruth: [...majority.values()].filter((o) => o !== null).length,
      meanPurity: purities.length ? round(purities.reduce((a, b) => a + b, 0) / purities.length, 3) : null,
    },
    launches: {
      total: truth.launches.length,
      confirmed: delays.length,
      medianConfirmAfterLaunchS: delays.length ? round(delays[Math.floor(delays.length / 2)]!, 1) : null,
    },
    rmsPositionErrorKm: nErr > 0 ? round(Math.sqrt(sq / nErr) / 1000, 3) : null,
  };
}
