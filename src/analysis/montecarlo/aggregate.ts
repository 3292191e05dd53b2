// The aggregate of a campaign's run records (issue 8): per launch, the probability that
// sensors detected it and that the centre's alerts for it reached each level, with
// Wilson intervals, the latency to each level and the launch- and impact-point errors
// as distributions; false alerts (no real launch behind them) reaching
// launch-confirmed and attack-warning, as counts and rates per run-hour; GOSPA.
// Built from the records in run order only, so it depends on the scenario and base
// seed alone — not on the number of workers or the order runs finished in.

import { type AlertLevel, LEVELS, levelRank } from '../../centre/assessment/alert.ts';
import type { CampaignSpec, RunRecord } from './campaign.ts';
import { type Distribution, distribution, type Proportion, proportion } from './statistics.ts';
import { describeVariation } from './variations.ts';

export const AGGREGATE_FORMAT = 'vigil-montecarlo/1';

export interface LaunchAggregate {
  id: string;
  vehicleClass: string;
  runs: number;
  /** Any sensor reported it. */
  detection: Proportion;
  /** An alert for it reached at least this level. */
  levels: Record<AlertLevel, Proportion>;
  /** Per sensor, the share of runs in which it reported the launch (keys sorted). */
  sensors: Record<string, Proportion>;
  /** s after launch. */
  firstReportS: Distribution;
  latencyS: Record<AlertLevel, Distribution>;
  warningMarginS: Distribution;
  launchErrorKm: Distribution;
  launchTimeErrorS: Distribution;
  impactErrorKm: Distribution;
  flightTimeS: Distribution;
}

export interface FalseAlertRate {
  /** False alerts that reached at least this level, over all runs. */
  count: number;
  perRunHour: number;
  /** Runs with at least one. */
  runs: Proportion;
}

export interface CampaignAggregate {
  format: string;
  scenario: string;
  baseSeed: number;
  variations: string[];
  runsRequested: number;
  runsCompleted: number;
  /** Stopped before every run was done: the figures are those of the runs completed. */
  partial: boolean;
  runHours: number;
  launches: LaunchAggregate[];
  falseAlerts: {
    levels: Record<AlertLevel, FalseAlertRate>;
    /** Reports behind false alerts, by cause (keys sorted). */
    causes: Record<string, number>;
  };
  gospa: {
    scans: number;
    /** Per-run mean GOSPA and its terms, m (order 1, cut-off 10 km). */
    meanM: Distribution;
    localisationM: Distribution;
    missedM: Distribution;
    falseM: Distribution;
  };
  reports: { total: Distribution; falseAlarms: Distribution };
}

function sortedKeys<T>(m: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function byLevel<T>(f: (level: AlertLevel) => T): Record<AlertLevel, T> {
  return Object.fromEntries(LEVELS.map((l) => [l, f(l)])) as Record<AlertLevel, T>;
}

export function aggregateCampaign(
  header: { scenario: string; spec: Pick<CampaignSpec, 'baseSeed' | 'runs' | 'variations'> },
  records: readonly RunRecord[],
): CampaignAggregate {
  const runs = [...records].sort((a, b) => a.run - b.run);
  const n = runs.length;
  const runHours = runs.reduce((s, r) => s + r.durationS, 0) / 3600;

  const ids: string[] = [];
  const outcomes = new Map<string, RunRecord['launches']>();
  for (const r of runs) {
    for (const l of r.launches) {
      if (!outcomes.has(l.id)) {
        ids.push(l.id);
        outcomes.set(l.id, []);
      }
      outcomes.get(l.id)!.push(l);
    }
  }
  const launches = ids.map((id): LaunchAggregate => {
    const os = outcomes.get(id)!;
    const sensorIds = new Set(os.flatMap((o) => Object.keys(o.sensors)));
    const sensors = new Map(
      [...sensorIds].map((s) => [s, proportion(os.filter((o) => s in o.sensors).length, os.length)]),
    );
    return {
      id,
      vehicleClass: os[0]!.vehicleClass,
      runs: os.length,
      detection: proportion(os.filter((o) => o.detected).length, os.length),
      levels: byLevel((l) => proportion(os.filter((o) => o.levels[l] !== null).length, os.length)),
      sensors: sortedKeys(sensors),
      firstReportS: distribution(os.map((o) => o.firstReportS)),
      latencyS: byLevel((l) => distribution(os.map((o) => o.levels[l]))),
      warningMarginS: distribution(os.map((o) => o.warningMarginS)),
      launchErrorKm: distribution(os.map((o) => o.launchErrorKm)),
      launchTimeErrorS: distribution(os.map((o) => o.launchTimeErrorS)),
      impactErrorKm: distribution(os.map((o) => o.impactErrorKm)),
      flightTimeS: distribution(os.map((o) => o.flightTimeS)),
    };
  });

  const causes = new Map<string, number>();
  for (const r of runs)
    for (const f of r.falseAlerts)
      for (const [cause, k] of Object.entries(f.causes)) causes.set(cause, (causes.get(cause) ?? 0) + k);
  const falseLevels = byLevel((level): FalseAlertRate => {
    const perRun = runs.map(
      (r) => r.falseAlerts.filter((f) => levelRank(f.level) >= levelRank(level)).length,
    );
    const count = perRun.reduce((s, k) => s + k, 0);
    return {
      count,
      perRunHour: runHours > 0 ? Math.round((count / runHours) * 1e4) / 1e4 : 0,
      runs: proportion(perRun.filter((k) => k > 0).length, n),
    };
  });

  const g = runs.map((r) => r.gospa);
  return {
    format: AGGREGATE_FORMAT,
    scenario: header.scenario,
    baseSeed: header.spec.baseSeed,
    variations: header.spec.variations.map(describeVariation),
    runsRequested: header.spec.runs,
    runsCompleted: n,
    partial: n < header.spec.runs,
    runHours: Math.round(runHours * 1e4) / 1e4,
    launches,
    falseAlerts: { levels: falseLevels, causes: sortedKeys(causes) },
    gospa: {
      scans: g.reduce((s, x) => s + (x?.scans ?? 0), 0),
      meanM: distribution(
        g.map((x) => x?.mean.gospa ?? null),
        1,
      ),
      localisationM: distribution(
        g.map((x) => x?.mean.localisation ?? null),
        1,
      ),
      missedM: distribution(
        g.map((x) => x?.mean.missed ?? null),
        1,
      ),
      falseM: distribution(
        g.map((x) => x?.mean.false ?? null),
        1,
      ),
    },
    reports: {
      total: distribution(
        runs.map((r) => r.reports.total),
        1,
      ),
      falseAlarms: distribution(
        runs.map((r) => r.reports.falseAlarms),
        1,
      ),
    },
  };
}
