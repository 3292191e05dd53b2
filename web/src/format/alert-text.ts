// The words of an alert beyond its level: confidence, the evidence lines up to the
// time shown, and what the notification check found.
import type { AlertView } from '../data/types.ts';
import { parseRunTime } from './time.ts';

/** A probability as a percentage: whole percent, `<1%` and `>99%` at the ends. */
export function formatConfidence(p: number): string {
  if (p <= 0) return '0%';
  if (p >= 1) return '100%';
  const pct = p * 100;
  if (pct < 1) return '<1%';
  if (pct > 99) return '>99%';
  return `${Math.round(pct)}%`;
}

export interface EvidenceLine {
  /** The stamp's run time, null when the line has none. */
  timeS: number | null;
  stamp: string;
  text: string;
}

/** An evidence line `[T+1:55] text` split into its time and its words. */
export function parseEvidence(line: string): EvidenceLine {
  const m = /^\[(T[+−-][\d:]+)\]\s*(.*)$/s.exec(line);
  if (!m) return { timeS: null, stamp: '', text: line };
  return { timeS: parseRunTime(m[1]!), stamp: m[1]!, text: m[2]! };
}

/** The evidence known by time tS (lines stamped later are left out). */
export function evidenceUpTo(lines: readonly string[], tS: number): EvidenceLine[] {
  return lines.map(parseEvidence).filter((e) => e.timeS === null || e.timeS <= tS);
}

/** What the notification check found, in words. */
export function formatNotification(alert: Pick<AlertView, 'notificationId' | 'notificationStatus'>): string {
  const status = alert.notificationStatus ?? (alert.notificationId ? 'match' : 'none');
  if (status === 'match') return `matches notification ${alert.notificationId}`;
  if (status === 'mismatch') return `does not fit notification ${alert.notificationId ?? '(unnamed)'}`;
  return 'no notification covers it';
}
