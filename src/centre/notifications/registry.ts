// The centre's notification file: the notifications that have actually reached the
// duty crew by a given time (the 1995 lesson: a notification sent but not delivered
// is, to the centre, no notification), with updates and cancellations applied.
import type { NotificationSpec } from '../../scenario/scenario.ts';

export class NotificationRegistry {
  private readonly all: NotificationSpec[];

  constructor(notifications: readonly NotificationSpec[]) {
    // Only delivered notifications ever reach the centre, in delivery order.
    this.all = notifications
      .filter((n) => n.delivered && n.deliveredS !== null)
      .sort((a, b) => a.deliveredS! - b.deliveredS! || (a.id < b.id ? -1 : 1));
  }

  /** Notifications in force at time t: delivered by t, updates applied, cancelled ones removed. */
  inForce(tS: number): NotificationSpec[] {
    const current = new Map<string, NotificationSpec>();
    for (const n of this.all) {
      if (n.deliveredS! > tS) break;
      if (n.kind === 'cancellation' && n.refersTo) current.delete(n.refersTo);
      else if (n.kind === 'update' && n.refersTo && current.has(n.refersTo)) {
        current.delete(n.refersTo);
        current.set(n.id, n);
      } else current.set(n.id, n);
    }
    return [...current.values()];
  }
}
