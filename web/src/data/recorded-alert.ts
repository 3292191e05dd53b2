// An alert of a recorded run as it stood at a time, from the summary's final row: its
// level by its level history, withdrawn from the time of its "Withdrawn" evidence
// line. Areas, confidence and classification are the run's final estimates (a
// summary keeps no earlier ones); the panel shows evidence only up to the time shown.

import { parseEvidence } from '../format/alert-text.ts';
import { levelAt } from '../format/levels.ts';
import type { SummaryAlert } from './summary-types.ts';
import type { AlertView } from './types.ts';

const NO_OPERATOR: AlertView['operator'] = {
  acknowledged: false,
  acknowledgedBy: null,
  acknowledgedAt: null,
  comments: 0,
};

function withdrawnAt(alert: SummaryAlert): number | null {
  for (const line of alert.evidence) {
    const e = parseEvidence(line);
    if (e.text.startsWith('Withdrawn') && e.timeS !== null) return e.timeS;
  }
  return null;
}

/** The alert as shown at tS, or null before it was raised. */
export function recordedAlertAt(alert: SummaryAlert, tS: number): AlertView | null {
  const level = levelAt(alert.levelHistory, tS);
  if (level === null) return null;
  const withdrawn = alert.cancelled ? (withdrawnAt(alert) ?? Number.NEGATIVE_INFINITY) : null;
  return {
    ...alert,
    level,
    levelHistory: alert.levelHistory.filter((h) => h.timeS <= tS),
    cancelled: withdrawn !== null && withdrawn <= tS,
    operator: NO_OPERATOR,
  };
}
