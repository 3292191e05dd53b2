// A notification that came over the exchange, as the receiving centre files it: the
// sent record with `delivered: true` and `deliveredAt` the instant the exchange
// released it, read through the scenario loader (in a document of its own with the
// centre's epoch), so it meets exactly the rules — and gets exactly the conversion to
// radians, metres and seconds after the epoch — of a notification in a scenario file.
import { parseScenario } from '../scenario/load.ts';
import type { NotificationSpec } from '../scenario/scenario.ts';
import { checkUtcInstant } from '../scenario/utc-instant.ts';
import type { WireNotification } from './messages.ts';

export interface CentreClock {
  /** The centre's scenario epoch, UTC ISO text. */
  epochIso: string;
  durationS: number;
}

export function receivedNotificationSpec(
  sent: WireNotification,
  deliveredAtMs: number,
  clock: CentreClock,
): NotificationSpec {
  const issued = checkUtcInstant(sent.issued);
  // A sender's clock running a little ahead must not make it arrive before it was issued.
  const atMs = 'unixMs' in issued ? Math.max(deliveredAtMs, issued.unixMs) : deliveredAtMs;
  const filed = { ...sent, delivered: true, deliveredAt: new Date(atMs).toISOString() };
  // The loader wants what an update or cancellation refers to among earlier
  // notifications; the centre's file may lack it (lost on the way), so a stand-in with
  // that id comes first — the centre's registry then files the update as it is.
  const standIn =
    sent.refersTo === undefined
      ? []
      : [{ ...filed, id: sent.refersTo, kind: 'pre-launch', refersTo: undefined }];
  const document = {
    name: 'received notification',
    epoch: clock.epochIso,
    duration: clock.durationS,
    defended: [],
    events: [],
    network: 'none',
    notifications: [...standIn, filed],
  };
  const scenario = parseScenario(JSON.stringify(document), 'received-notification.json');
  return scenario.notifications[scenario.notifications.length - 1]!;
}
