// The run summary of `vigil run --out DIR` (summary.json, DESIGN.md §5), as much of it
// as the console reads.
import type { AlertView } from './types.ts';

export type SummaryAlert = Omit<AlertView, 'operator'>;

export interface RunSummary {
  scenario: string;
  seed: number;
  epoch: string;
  durationS: number;
  reports: { total: number; falseAlarms: number; bySensor: Record<string, number> };
  tracks: Array<{
    id: string;
    firstTimeS: number;
    lastTimeS: number;
    sensors: string[];
    classification: string;
  }>;
  alerts: SummaryAlert[];
  raids?: Array<{ id: string; alertIds: string[]; highestLevel: string }>;
  warning: Record<string, number | null>;
}
