// The two kinds of track the centre holds. A FusedTrack is a 3-D track of one object,
// updated by reports of every sensor that sees it (central measurement-level fusion):
// its estimate is an IMM block (tracking/imm.ts) of boost and ballistic modes. An
// AngleOnlyTrack is the bearing history of one source seen by one satellite, kept
// until a second satellite's bearings allow a stereo start of a 3-D track (or for good,
// when no second view comes): enough to say that something is burning, and where.
// Ids ("T1", "T2", …) come from one sequence and are never reused; a 3-D track started
// from angle-only tracks takes the id of the oldest of them, so the id the assessment
// first saw stays with the object.
// A track is one object holding its numbers in one Float64Array block, allocated when
// it starts, rather than a slot in structure-of-arrays storage: tracks carry lineage and
// history of varying length, live for minutes, and are filtered one report at a time;
// the hot kernels (IMM, filters, gating) run on the blocks without allocating.

import type { BearingHistory } from '../tracking/bearing-history.ts';
import type { TrackLineage } from './lineage.ts';
import type { TrackFeatures } from './track-features.ts';

export type TrackStatus = 'tentative' | 'confirmed';

/** How a 3-D track began. */
export type TrackOrigin = 'radar' | 'ir-stereo';

export interface NisStatistics {
  count: number;
  /** Σ NIS and Σ degrees of freedom, for the mean NIS per degree of freedom. */
  sum: number;
  dofSum: number;
  last: number;
  lastDof: number;
}

export interface FusedTrack {
  readonly kind: '3d';
  readonly id: string;
  readonly origin: TrackOrigin;
  /** The IMM block: mode probabilities, mode estimates, combined estimate. */
  readonly block: Float64Array;
  status: TrackStatus;
  /** Time of the estimate in `block` (s). */
  timeS: number;
  lastUpdateS: number;
  confirmedAtS: number | null;
  /** Plots or bearings that updated it since birth, and scans it could have been seen in (M-of-N). */
  hits: number;
  opportunities: number;
  deletedAtS: number | null;
  deleteReason: string | null;
  mergedInto: string | null;
  readonly lineage: TrackLineage;
  readonly features: TrackFeatures;
  readonly nis: NisStatistics;
  /** Consecutive consistent track-to-track checks against other tracks, by id. */
  readonly consistentChecks: Map<string, number>;
  /** Number of the last frame that updated it (to tell updated from missed tracks). */
  frameStamp: number;
}

export interface AngleOnlyTrack {
  readonly kind: 'angle-only';
  readonly id: string;
  readonly sensorId: string;
  readonly history: BearingHistory;
  status: TrackStatus;
  hits: number;
  misses: number;
  lastMissS: number;
  revisitS: number;
  revisitMeasured: boolean;
  deletedAtS: number | null;
  /** The 3-D track a stereo start folded it into. */
  absorbedInto: string | null;
  readonly lineage: TrackLineage;
}

export function emptyNisStatistics(): NisStatistics {
  return { count: 0, sum: 0, dofSum: 0, last: Number.NaN, lastDof: 0 };
}
