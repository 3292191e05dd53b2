// What centres say to each other (issue 9; DOMAIN.md §7): launch notifications —
// pre-launch, post-launch, cancellation and update, the §7.6 record in the scenario
// file's own form — generalised launch reports (the JDEC "generalised" data of §7.2:
// launch time, approximate launch area and azimuth, approximate impact area, above an
// agreed range filter), acknowledgements, and the periodic line check (the 1981 fix of
// §6.2: a channel that proves it is alive). The first two are ORDERED: numbered per
// sender and recipient, kept, retried until acknowledged and delivered in order. The
// last two are CONTROL messages: unnumbered, never retried, never acknowledged.
import { z } from 'zod';
import { id, numberIn, point, utcInstant } from '../scenario/schema-fields.ts';
import { NOTIFIED_VEHICLE_CLASSES, notificationSchema } from '../scenario/schema-notifications.ts';

/**
 * A notification as sent: the scenario file's notification without `delivered` and
 * `deliveredAt`, which only the receiver can know. Checked by the scenario's own schema.
 */
export const wireNotificationSchema = z
  .record(z.string(), z.unknown())
  .superRefine((raw, ctx) => {
    for (const key of ['delivered', 'deliveredAt'])
      if (key in raw)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `'${key}' is the receiver's to record, not part of a sent notification`,
        });
  })
  .pipe(notificationSchema)
  .transform(({ delivered: _delivered, deliveredAt: _deliveredAt, ...sent }) => sent);

export type WireNotification = z.output<typeof wireNotificationSchema>;

export const notificationBodySchema = z.strictObject({
  type: z.literal('notification'),
  notification: wireNotificationSchema,
});

/** A circle on the ground, coarse: its centre on the agreed grid. */
const coarseArea = z.strictObject({ center: point, radiusKm: numberIn('radiusKm', 0, 20_000, true) });

export const LAUNCH_REPORT_STATUSES = ['observed', 'withdrawn'] as const;

export const launchReportBodySchema = z.strictObject({
  type: z.literal('launch-report'),
  /** The sender's name for this launch; revisions of one report share it. */
  reportId: id,
  revision: z.int().min(1).max(1_000_000),
  status: z.enum(LAUNCH_REPORT_STATUSES),
  vehicleClass: z.enum(NOTIFIED_VEHICLE_CLASSES),
  launchTime: utcInstant,
  launchArea: coarseArea,
  /** Initial azimuth from the launch area towards the impact area; null when there is none (a space launch). */
  azimuthDeg: numberIn('azimuthDeg', 0, 360).nullable(),
  impactArea: coarseArea.nullable(),
  /** The agreed filter the launch passed: its range (or apogee) above this, km. */
  minRangeKm: numberIn('minRangeKm', 0, 40_000),
});

export const ackBodySchema = z.strictObject({
  type: z.literal('ack'),
  /** The acknowledged message's id and sequence number. */
  ackId: id,
  ackSeq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const lineCheckBodySchema = z.strictObject({
  type: z.literal('line-check'),
  /** When the next line check is due, s after this one. */
  intervalS: numberIn('intervalS', 0, 86_400, true),
  /** The highest sequence number the sender has given a message to this recipient (0: none). */
  lastSeq: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
});

export const bodySchema = z.discriminatedUnion('type', [
  notificationBodySchema,
  launchReportBodySchema,
  ackBodySchema,
  lineCheckBodySchema,
]);

export type NotificationBody = z.output<typeof notificationBodySchema>;
export type LaunchReportBody = z.output<typeof launchReportBodySchema>;
export type AckBody = z.output<typeof ackBodySchema>;
export type LineCheckBody = z.output<typeof lineCheckBodySchema>;
export type MessageBody = z.output<typeof bodySchema>;
export type OrderedBody = NotificationBody | LaunchReportBody;
export type BodyType = MessageBody['type'];

export const ORDERED_TYPES: readonly BodyType[] = ['notification', 'launch-report'];

export function isOrdered(body: MessageBody): body is OrderedBody {
  return ORDERED_TYPES.includes(body.type);
}

/** A short name for a message in logs and alarms: `notification N-1 (pre-launch)`, `launch-report R7 r2`. */
export function describeBody(body: MessageBody): string {
  switch (body.type) {
    case 'notification':
      return `notification ${body.notification.id} (${body.notification.kind})`;
    case 'launch-report':
      return `launch report ${body.reportId} r${body.revision}${body.status === 'withdrawn' ? ' (withdrawn)' : ''}`;
    case 'ack':
      return `ack of ${body.ackId}`;
    case 'line-check':
      return 'line check';
  }
}
