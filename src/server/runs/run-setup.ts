// What a run is made of, read back from the store: its scenario version, with the
// notifications added to the run through the API merged in (scenario-check.ts), the
// scenario file's own notifications as they reach the centre (written into the step
// of their delivery), and the sensor network.
import type { RunNetwork } from '../../analysis/live/network-view.ts';
import type { DeliveredNotification } from '../../analysis/live/run-stepper.ts';
import { parseScenario, parseScenarioFile } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { NotificationRecord, RunRecord } from '../../store/records.ts';
import { StoreError } from '../../store/store-error.ts';
import { type CheckedScenarios, sourceNameFor, withNotifications } from './scenario-check.ts';

export interface RunSetup {
  /** The scenario version's text as stored. */
  text: string;
  sourceName: string;
  /** The scenario the centre works from: the file plus the notifications added to the run. */
  scenario: Scenario;
  network: RunNetwork;
  /** The file's notifications, with the times they reach the centre. */
  deliveries: DeliveredNotification[];
  fileNotificationIds: ReadonlySet<string>;
  /** Notifications added through the API, oldest delivery first. */
  added: NotificationRecord[];
}

export async function loadRunSetup(
  store: EventStore,
  checked: CheckedScenarios,
  run: RunRecord,
): Promise<RunSetup> {
  const version = await store.getScenario(run.scenarioName, run.scenarioVersion);
  if (!version)
    throw new StoreError('not-found', `no scenario '${run.scenarioName}' version ${run.scenarioVersion}`);
  const sourceName = sourceNameFor(run.scenarioName, version.text);
  const { scenario: fileScenario, network } = checked.get(version.text, sourceName);
  const fileForm = parseScenarioFile(version.text, sourceName).notifications;
  const fileNotificationIds = new Set(fileScenario.notifications.map((n) => n.id));
  const deliveries = fileScenario.notifications.flatMap((n): DeliveredNotification[] =>
    n.deliveredS === null
      ? []
      : [{ id: n.id, timeS: n.deliveredS, message: fileForm.find((f) => f.id === n.id) }],
  );
  const added = (await store.listNotifications(run.id)).filter((n) => !fileNotificationIds.has(n.id));
  const scenario =
    added.length === 0
      ? fileScenario
      : parseScenario(
          withNotifications(
            version.text,
            added.map((n) => n.message),
          ),
          'scenario.yaml',
        );
  return { text: version.text, sourceName, scenario, network, deliveries, fileNotificationIds, added };
}
