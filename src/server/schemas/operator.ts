// What people add to a run: acknowledgements and comments (operators), notifications
// (admins; the scenario file's notification form), and the audit chain they land in.
import { z } from 'zod';
import { id } from '../../scenario/schema-fields.ts';
import { notificationSchema } from '../../scenario/schema-notifications.ts';
import { OPERATOR_ACTION_KINDS } from '../../store/records.ts';
import { isoInstant, recordName } from './common.ts';

/** Longest acknowledgement note or comment, characters (the store's limit). */
export const MAX_COMMENT = 10_000;

export const alertParams = z.strictObject({ id: recordName, alertId: id });

export const acknowledgeBody = z.strictObject({
  text: z.string().max(MAX_COMMENT).optional().meta({ description: 'A note with the acknowledgement.' }),
});

export const commentBody = z.strictObject({ text: z.string().min(1).max(MAX_COMMENT) });

export const actionsQuery = z.strictObject({ alertId: id.optional() });

export const operatorActionSchema = z
  .object({
    id: z.string(),
    runId: z.string(),
    seq: z.int().meta({ description: 'Order within the run, from 1.' }),
    alertId: z.string().nullable(),
    kind: z.enum(OPERATOR_ACTION_KINDS),
    actor: z.string().meta({ description: 'The name of the acting token.' }),
    text: z.string().nullable(),
    timeS: z.number().nullable().meta({ description: 'Simulation time shown when the action was taken.' }),
    at: isoInstant,
  })
  .meta({ id: 'OperatorAction' });

export const notificationBody = z.strictObject({ notification: notificationSchema });

export const notificationRecordSchema = z
  .object({
    id: z.string(),
    timeS: z.number().meta({ description: 'When it reached (or reaches) the centre, s after the epoch.' }),
    message: z.unknown().meta({ description: "The notification in the scenario file's form." }),
  })
  .meta({ id: 'Notification' });

export const timeRangeQuery = z.strictObject({
  fromS: z.coerce.number().optional(),
  toS: z.coerce.number().optional(),
});

export const auditRecordSchema = z
  .object({
    seq: z.int(),
    timeS: z.number(),
    kind: z.string().meta({
      description:
        'track-confirmed, level-change, notification-match, notification-mismatch, cancellation, feed-inconsistent, operator-action',
    }),
    text: z.string(),
    data: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditRecord', description: 'One record of the hash-chained audit log.' });

export const auditQuery = z.strictObject({
  fromSeq: z.coerce.number().int().min(1).optional(),
  toSeq: z.coerce.number().int().min(1).optional(),
});

export const auditVerifySchema = z
  .object({
    ok: z.boolean(),
    records: z.int(),
    firstBad: z
      .object({ seq: z.int().nullable(), reason: z.string() })
      .nullable()
      .meta({ description: 'The first record that does not hold, or null.' }),
  })
  .meta({ id: 'AuditVerification' });
