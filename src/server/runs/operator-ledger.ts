// What operators have done to a run's alerts, as of a simulation time: an alert is
// acknowledged when someone acknowledged it at the level it stands at then — an alert
// that rose since its acknowledgement asks for a new one (a launch-detected alert
// acknowledged is not an attack warning acknowledged).
import type { AlertSummary } from '../../analysis/summary.ts';
import type { OperatorAction } from '../../store/records.ts';

export interface OperatorState {
  acknowledged: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  comments: number;
}

export type AlertView = AlertSummary & { operator: OperatorState };

/** The alert's level at tS, from its level history (its first level before it was raised). */
export function levelAt(alert: AlertSummary, tS: number): string {
  let level = alert.levelHistory[0]?.level ?? alert.level;
  for (const h of alert.levelHistory) if (h.timeS <= tS) level = h.level;
  return level;
}

export class OperatorLedger {
  private readonly actions: OperatorAction[];

  constructor(actions: readonly OperatorAction[]) {
    this.actions = [...actions];
  }

  add(action: OperatorAction): void {
    this.actions.push(action);
  }

  /** The operator state of `alert` as of simulation time tS (actions taken at a later time do not count). */
  stateOf(alert: AlertSummary, tS: number): OperatorState {
    const level = levelAt(alert, tS);
    let ack: OperatorAction | null = null;
    let comments = 0;
    for (const a of this.actions) {
      if (a.alertId !== alert.id || (a.timeS ?? 0) > tS) continue;
      if (a.kind === 'comment') comments++;
      else if (levelAt(alert, a.timeS ?? 0) === level) ack ??= a;
    }
    return {
      acknowledged: ack !== null,
      acknowledgedBy: ack?.actor ?? null,
      acknowledgedAt: ack?.at ?? null,
      comments,
    };
  }

  view(alert: AlertSummary, tS: number): AlertView {
    return { ...alert, operator: this.stateOf(alert, tS) };
  }
}
