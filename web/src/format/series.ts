// The numbers behind the console's charts: reports per sensor binned over time (the
// busiest sensors each, the rest summed), and the warning margin of each raid — from
// its first attack warning to its earliest predicted impact, as the centre saw it
// (the run summary's warning.warningMarginS measures to the true first impact).
import type { AlertView } from '../data/types.ts';

export interface SensorSeries {
  /** Bin start times, s. */
  times: number[];
  series: Array<{ label: string; counts: number[] }>;
}

/** Reports per bin for the `top` busiest sensors and "others", bins up to `untilS`. */
export function reportSeries(
  bins: ReadonlyMap<string, readonly number[]>,
  binS: number,
  untilS: number,
  top = 6,
): SensorSeries {
  const n = Math.max(
    0,
    Math.min(Math.ceil(untilS / binS), Math.max(0, ...[...bins.values()].map((r) => r.length))),
  );
  const times = Array.from({ length: n }, (_, k) => k * binS);
  const totals = [...bins.entries()]
    .map(([id, row]) => ({ id, row, total: row.slice(0, n).reduce((s, x) => s + x, 0) }))
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  const pad = (row: readonly number[]) => times.map((_, k) => row[k] ?? 0);
  const series = totals.slice(0, top).map((s) => ({ label: s.id, counts: pad(s.row) }));
  const rest = totals.slice(top);
  if (rest.length > 0)
    series.push({
      label: `${rest.length} others`,
      counts: times.map((_, k) => rest.reduce((sum, s) => sum + (s.row[k] ?? 0), 0)),
    });
  return { times, series };
}

export interface RaidMargin {
  raidId: string;
  alertIds: string[];
  /** First attack warning of the raid, s; null if none. */
  firstWarningS: number | null;
  /** Earliest predicted impact of the raid, s; null if none. */
  firstImpactS: number | null;
  /** firstImpactS − firstWarningS; null unless both are known. */
  marginS: number | null;
}

/** Warning margin per raid (alerts without a raid stand alone), by raid id. */
export function raidMargins(alerts: Iterable<AlertView>): RaidMargin[] {
  const raids = new Map<string, RaidMargin>();
  for (const a of alerts) {
    if (a.cancelled) continue;
    const raidId = a.raidId ?? a.id;
    let r = raids.get(raidId);
    if (!r) {
      r = { raidId, alertIds: [], firstWarningS: null, firstImpactS: null, marginS: null };
      raids.set(raidId, r);
    }
    r.alertIds.push(a.id);
    const warned = a.levelHistory.find((h) => h.level === 'attack-warning')?.timeS;
    if (warned !== undefined) r.firstWarningS = Math.min(r.firstWarningS ?? warned, warned);
    if (a.impactTimeS != null) r.firstImpactS = Math.min(r.firstImpactS ?? a.impactTimeS, a.impactTimeS);
  }
  for (const r of raids.values())
    r.marginS = r.firstWarningS !== null && r.firstImpactS !== null ? r.firstImpactS - r.firstWarningS : null;
  return [...raids.values()].sort((a, b) => (a.raidId < b.raidId ? -1 : 1));
}
