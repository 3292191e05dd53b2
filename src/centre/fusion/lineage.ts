// A track's lineage: which sensors and which reports contributed, when each
// phenomenology (IR, radar) first and last contributed, which other tracks it
// absorbed, and the evidence that two independent phenomenologies agree on it
// (DOMAIN.md §8.2): the test statistic of the first cross-phenomenology measurement
// that gated the track, or of the track-to-track association that merged an IR track
// with a radar track. Per sensor it also keeps what the miss logic needs: the revisit
// of that sensor on this track, and the revisits passed since its last report.

import type { SensorReport } from '../../sensors/report.ts';

export type Phenomenology = 'ir' | 'radar';

export interface SensorContribution {
  sensorId: string;
  phenomenology: Phenomenology;
  firstTimeS: number;
  lastTimeS: number;
  count: number;
  /** Estimated interval between this sensor's reports on the track (s). */
  revisitS: number;
  /** Whether revisitS was measured (two or more reports) rather than assumed. */
  revisitMeasured: boolean;
  /** Revisits that have passed without a report since the last one. */
  misses: number;
}

export interface PhenomenologySpan {
  firstTimeS: number;
  lastTimeS: number;
  count: number;
}

/** Evidence that IR and radar agree on this track. */
export interface PhenomenologyAgreement {
  timeS: number;
  /** 'measurement': a report of the other phenomenology gated and updated the track; 'track': two tracks were associated. */
  via: 'measurement' | 'track';
  /** The report (measurement) or the other track (track). */
  reference: string;
  /** Normalised innovation / track-difference squared, its degrees of freedom and χ² tail probability. */
  statistic: number;
  dof: number;
  pValue: number;
}

export class TrackLineage {
  readonly sensors = new Map<string, SensorContribution>();
  readonly reportIds: string[] = [];
  /** Reports that arrived after their time had been processed: associated, not used. */
  readonly lateReportIds: string[] = [];
  /** Tracks merged into this one (angle-only tracks of a stereo start, tracks absorbed by fusion). */
  readonly absorbedIds: string[] = [];
  readonly agreements: PhenomenologyAgreement[] = [];
  ir: PhenomenologySpan | null = null;
  radar: PhenomenologySpan | null = null;

  /** Records a contribution; returns the sensor's entry. */
  record(report: SensorReport, defaultRevisitS: number): SensorContribution {
    const t = report.timeS;
    this.reportIds.push(report.id);
    const phen: Phenomenology = report.kind;
    const span = phen === 'ir' ? this.ir : this.radar;
    if (span) {
      span.firstTimeS = Math.min(span.firstTimeS, t);
      span.lastTimeS = Math.max(span.lastTimeS, t);
      span.count++;
    } else if (phen === 'ir') this.ir = { firstTimeS: t, lastTimeS: t, count: 1 };
    else this.radar = { firstTimeS: t, lastTimeS: t, count: 1 };
    let c = this.sensors.get(report.sensorId);
    if (!c) {
      c = {
        sensorId: report.sensorId,
        phenomenology: phen,
        firstTimeS: t,
        lastTimeS: t,
        count: 1,
        revisitS: defaultRevisitS,
        revisitMeasured: false,
        misses: 0,
      };
      this.sensors.set(report.sensorId, c);
      return c;
    }
    const gap = t - c.lastTimeS;
    if (gap > 0) {
      // The shortest recent gap: a missed revisit doubles a gap, it never halves one.
      c.revisitS = c.revisitMeasured ? Math.min(gap, 0.7 * c.revisitS + 0.3 * gap) : gap;
      c.revisitMeasured = true;
    }
    c.lastTimeS = Math.max(c.lastTimeS, t);
    c.firstTimeS = Math.min(c.firstTimeS, t);
    c.count++;
    c.misses = 0;
    return c;
  }

  /** Earliest and latest contribution over all sensors (NaN when none). */
  firstTimeS(): number {
    let t = Number.POSITIVE_INFINITY;
    for (const c of this.sensors.values()) t = Math.min(t, c.firstTimeS);
    return Number.isFinite(t) ? t : Number.NaN;
  }

  lastTimeS(): number {
    let t = Number.NEGATIVE_INFINITY;
    for (const c of this.sensors.values()) t = Math.max(t, c.lastTimeS);
    return Number.isFinite(t) ? t : Number.NaN;
  }

  has(phen: Phenomenology): boolean {
    return (phen === 'ir' ? this.ir : this.radar) !== null;
  }

  /** Takes in another lineage (a merged or absorbed track). */
  absorb(other: TrackLineage, otherId: string): void {
    for (const [id, c] of other.sensors) {
      const mine = this.sensors.get(id);
      if (!mine) this.sensors.set(id, { ...c });
      else {
        mine.firstTimeS = Math.min(mine.firstTimeS, c.firstTimeS);
        mine.lastTimeS = Math.max(mine.lastTimeS, c.lastTimeS);
        mine.count += c.count;
      }
    }
    this.reportIds.push(...other.reportIds);
    this.lateReportIds.push(...other.lateReportIds);
    this.absorbedIds.push(otherId, ...other.absorbedIds);
    this.agreements.push(...other.agreements);
    this.ir = mergeSpan(this.ir, other.ir);
    this.radar = mergeSpan(this.radar, other.radar);
  }
}

function mergeSpan(a: PhenomenologySpan | null, b: PhenomenologySpan | null): PhenomenologySpan | null {
  if (!a) return b ? { ...b } : null;
  if (!b) return a;
  return {
    firstTimeS: Math.min(a.firstTimeS, b.firstTimeS),
    lastTimeS: Math.max(a.lastTimeS, b.lastTimeS),
    count: a.count + b.count,
  };
}
