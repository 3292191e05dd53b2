// Minimal benchmark harness for `npm run bench`. A benchmark file exports
// `suite: BenchSuite`; its rows are printed as one table per suite. Targets are
// stated as ratios against a baseline measured in the same process (or against a
// published reference figure, named in the row), never as pass/fail timings.

export interface BenchRow {
  /** What was measured. */
  name: string;
  /** Measured value and its unit, e.g. 2350 and "trajectories/s". */
  value: number;
  unit: string;
  /** The target, in words, e.g. "≥ 2000 trajectories/s". */
  target?: string;
  /** Whether the target was met (omitted when there is no target). */
  met?: boolean;
  /** Free-text detail: baseline, ratio, memory. */
  note?: string;
}

export interface BenchSuite {
  title: string;
  run(): Promise<BenchRow[]> | BenchRow[];
}

/** Median wall time in ms of `fn` over `repeats` runs after `warmup` runs. */
export function medianMs(fn: () => void, repeats = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function formatTable(title: string, rows: BenchRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
    r.note ?? '',
  ]);
  const header = ['measure', 'value', 'target', 'met', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((s, i) => s.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `\n## ${title}\n`,
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
  ].join('\n');
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  if (abs >= 100) return v.toFixed(0);
  if (abs >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}
