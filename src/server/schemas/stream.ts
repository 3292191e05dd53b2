// The WebSocket stream (/ws?token=…): JSON text frames both ways. A client subscribes
// to runs; for each it first gets `subscribed` and a `snapshot`, then the run's
// events as they happen. Clients that read too slowly lose the oldest messages: they
// get `dropped` (how many, and the total so far) and then a `snapshot` with reason
// `resync` for each subscribed run, from which to start again.
import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { recordName } from './common.ts';
import { notificationRecordSchema, operatorActionSchema } from './operator.ts';
import { alertViewSchema, pictureSchema, sensorStatusSchema, trackSchema } from './picture.ts';
import { runViewSchema } from './run.ts';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('subscribe'), runId: recordName }),
  z.strictObject({ type: z.literal('unsubscribe'), runId: recordName }),
  z.strictObject({ type: z.literal('ping'), id: z.string().max(100).optional() }),
]);
export type ClientMessage = z.output<typeof clientMessageSchema>;

const runId = z.string();

export const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    name: z.string(),
    role: z.enum(ROLES),
    maxQueued: z
      .int()
      .meta({ description: 'Messages queued for this client before the oldest are dropped.' }),
    maxSubscriptions: z.int(),
  }),
  z.object({ type: z.literal('subscribed'), runId, run: runViewSchema }),
  z.object({ type: z.literal('unsubscribed'), runId }),
  z.object({ type: z.literal('pong'), id: z.string().optional() }),
  z.object({
    type: z.literal('error'),
    message: z.string(),
    runId: z.string().optional(),
  }),
  z.object({
    type: z.literal('dropped'),
    count: z.int().meta({ description: 'Messages dropped since the last notice.' }),
    total: z.int().meta({ description: 'Messages dropped since the client connected.' }),
  }),
  z.object({ type: z.literal('run'), runId, run: runViewSchema }).meta({
    description: 'Status or clock changed (started, paused, resumed, seeked, finished, failed).',
  }),
  z
    .object({
      type: z.literal('time'),
      runId,
      timeS: z.number(),
      progressS: z.number().nullable(),
      playing: z.boolean(),
    })
    .meta({
      description: 'Clock tick of a paced run (about 4 a second; a newer one replaces an unsent older one).',
    }),
  z
    .object({
      type: z.literal('step'),
      runId,
      timeS: z.number(),
      tracks: z.array(trackSchema).meta({ description: 'Tracks that appeared or changed.' }),
      droppedTrackIds: z.array(z.string()),
      alerts: z.array(alertViewSchema).meta({ description: 'Alerts raised or changed.' }),
      sensors: z.array(sensorStatusSchema).meta({ description: 'Sensors whose status changed.' }),
      reports: z.object({ total: z.int(), bySensor: z.record(z.string(), z.int()) }),
    })
    .meta({ description: 'One computed step: apply it to the picture held.' }),
  z
    .object({
      type: z.literal('snapshot'),
      runId,
      reason: z.enum(['subscribe', 'seek', 'replay', 'resync']),
      picture: pictureSchema,
    })
    .meta({ description: 'A whole picture: replace the one held.' }),
  z.object({
    type: z.literal('action'),
    runId,
    action: operatorActionSchema,
    alert: alertViewSchema.nullable(),
  }),
  z.object({ type: z.literal('notification'), runId, notification: notificationRecordSchema }),
]);
export type ServerMessage = z.output<typeof serverMessageSchema>;
