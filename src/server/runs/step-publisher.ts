// A stored step published on the message bus (src/bus/README.md): each report on its
// sensor's subject exactly as an external feed would send it (report-schema.ts), each
// changed or dropped track and each changed alert with the run and step it belongs
// to, and notifications as they reach the centre. Message ids name the run and the
// thing's version, so a step published again (after a restart) is stored once.
// Report message ids start `run/` (a sensor id, and so a simulated report id, cannot
// contain '/'): a feed run's intake (feed-intake.ts) passes over runs' own reports.
import type { LiveStep } from '../../analysis/live/run-stepper.ts';
import { jsonBytes, type MessageBus } from '../../bus/message-bus.ts';

export const RUN_REPORT_MSG_PREFIX = 'run/';

export async function publishStep(bus: MessageBus, runId: string, step: LiveStep): Promise<void> {
  const s = bus.subjects;
  const t = step.timeS;
  const messages: Array<[string, unknown, string]> = [
    ...step.reports.map((r): [string, unknown, string] => [
      s.report(r.sensorId),
      r,
      `${RUN_REPORT_MSG_PREFIX}${runId}/${r.id}`,
    ]),
    ...step.tracks.map((track): [string, unknown, string] => [
      s.tracks,
      { runId, timeS: t, track },
      `${runId}:track:${track.id}@${t}`,
    ]),
    ...step.droppedTrackIds.map((id): [string, unknown, string] => [
      s.tracks,
      { runId, timeS: t, droppedTrackId: id },
      `${runId}:track:${id}@${t}:dropped`,
    ]),
    ...step.alerts.map((alert): [string, unknown, string] => [
      s.alerts,
      { runId, timeS: t, alert },
      `${runId}:alert:${alert.id}@${t}`,
    ]),
    ...step.notifications.map((notification): [string, unknown, string] => [
      s.notifications,
      { runId, notification },
      `${runId}:notification:${notification.id}`,
    ]),
  ];
  await Promise.all(
    messages.map(([subject, body, msgId]) => bus.publish(subject, jsonBytes(body), { msgId })),
  );
}
