// What people add to a run: operators acknowledge and comment on alerts (each action
// lands in the run's audit chain, in the same transaction as its record); admins add
// notifications (the scenario file's notification form) that reach the centre later
// in the run. Also the audit chain itself: list, verify, download.
import { z } from 'zod';
import { verifyAuditLines } from '../../centre/audit/audit-log.ts';
import { canonicalJson } from '../../centre/audit/canonical-json.ts';
import type { EventStore } from '../../store/event-store.ts';
import { type RouteSpec, route, who } from '../http/route.ts';
import type { RunManager } from '../runs/run-manager.ts';
import { errorBodySchema, runIdParams } from '../schemas/common.ts';
import {
  acknowledgeBody,
  actionsQuery,
  alertParams,
  auditQuery,
  auditRecordSchema,
  auditVerifySchema,
  commentBody,
  notificationBody,
  notificationRecordSchema,
  operatorActionSchema,
  timeRangeQuery,
} from '../schemas/operator.ts';

const bad = (d: string) => ({ description: d, schema: errorBodySchema });

export function operatorRoutes(store: EventStore, runs: RunManager): RouteSpec[] {
  const actionResponses = {
    201: { description: 'Recorded and audited', schema: operatorActionSchema },
    400: bad('Bad body'),
    404: bad('No such run or alert'),
    409: bad('Already acknowledged at its level, or not raised yet at the time shown'),
  };
  return [
    route({
      method: 'POST',
      url: '/api/runs/:id/alerts/:alertId/acknowledge',
      tag: 'operator',
      summary: 'Acknowledge an alert at its current level',
      description:
        'At the run clock’s time. An alert that rises after its acknowledgement asks for a new one. Audited.',
      role: 'operator',
      params: alertParams,
      body: acknowledgeBody,
      status: 201,
      responses: actionResponses,
      handler: async ({ params, body, principal }) =>
        (await runs.get(params.id)).operatorAction(
          'acknowledge',
          params.alertId,
          who(principal),
          body.text ?? null,
        ),
    }),
    route({
      method: 'POST',
      url: '/api/runs/:id/alerts/:alertId/comments',
      tag: 'operator',
      summary: 'Comment on an alert',
      role: 'operator',
      params: alertParams,
      body: commentBody,
      status: 201,
      responses: actionResponses,
      handler: async ({ params, body, principal }) =>
        (await runs.get(params.id)).operatorAction('comment', params.alertId, who(principal), body.text),
    }),
    route({
      method: 'POST',
      url: '/api/runs/:id/comments',
      tag: 'operator',
      summary: 'Comment on the run as a whole',
      role: 'operator',
      params: runIdParams,
      body: commentBody,
      status: 201,
      responses: actionResponses,
      handler: async ({ params, body, principal }) =>
        (await runs.get(params.id)).operatorAction('comment', null, who(principal), body.text),
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/actions',
      tag: 'operator',
      summary: 'Acknowledgements and comments, in order',
      role: 'observer',
      params: runIdParams,
      query: actionsQuery,
      responses: {
        200: { description: 'Actions', schema: z.array(operatorActionSchema) },
        404: bad('No such run'),
      },
      handler: async ({ params, query }) => {
        await runs.get(params.id);
        return store.listOperatorActions(params.id, query.alertId);
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/notifications',
      tag: 'notifications',
      summary: 'Notifications that reached (or will reach) the centre, by time',
      role: 'observer',
      params: runIdParams,
      query: timeRangeQuery,
      responses: {
        200: { description: 'Notifications', schema: z.array(notificationRecordSchema) },
        404: bad('No such run'),
      },
      handler: async ({ params, query }) => {
        await runs.get(params.id);
        return store.listNotifications(params.id, {
          ...(query.fromS === undefined ? {} : { fromS: query.fromS }),
          ...(query.toS === undefined ? {} : { toS: query.toS }),
        });
      },
    }),
    route({
      method: 'POST',
      url: '/api/runs/:id/notifications',
      tag: 'notifications',
      summary: 'Add a launch notification to a run',
      description:
        "In the scenario file's notification form (scenarios/README.md). It reaches the centre at its deliveredAt (or issued) time, which must come after the run's stored progress.",
      role: 'admin',
      params: runIdParams,
      body: notificationBody,
      status: 201,
      responses: {
        201: { description: 'Stored', schema: notificationRecordSchema },
        400: bad('Bad notification: located problems'),
        404: bad('No such run'),
        409: bad('Repeated id, an ended run, or a delivery in the run’s past'),
      },
      handler: async ({ params, body }) => (await runs.get(params.id)).addNotification(body.notification),
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/audit',
      tag: 'audit',
      summary: "The run's audit chain: the centre's decisions and operators' actions",
      role: 'observer',
      params: runIdParams,
      query: auditQuery,
      responses: {
        200: { description: 'Records by seq', schema: z.array(auditRecordSchema) },
        404: bad('No such run'),
      },
      handler: async ({ params, query }) => {
        await runs.get(params.id);
        return store.listAudit(params.id, {
          ...(query.fromSeq === undefined ? {} : { fromSeq: query.fromSeq }),
          ...(query.toSeq === undefined ? {} : { toSeq: query.toSeq }),
        });
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/audit/verify',
      tag: 'audit',
      summary: 'Check the audit chain link by link (as `vigil audit verify`)',
      role: 'observer',
      params: runIdParams,
      responses: { 200: { description: 'The result', schema: auditVerifySchema }, 404: bad('No such run') },
      handler: async ({ params }) => {
        await runs.get(params.id);
        const records = await store.listAudit(params.id);
        const result = verifyAuditLines(records.map((r) => `${canonicalJson(r)}\n`).join(''));
        return result.ok
          ? { ok: true, records: result.records, firstBad: null }
          : { ok: false, records: records.length, firstBad: { seq: result.seq, reason: result.reason } };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/audit.jsonl',
      tag: 'audit',
      summary: 'The audit chain as JSON Lines (the file `vigil audit verify` checks)',
      role: 'observer',
      params: runIdParams,
      responses: { 200: { description: 'application/x-ndjson' }, 404: bad('No such run') },
      handler: async ({ params, reply }) => {
        await runs.get(params.id);
        const records = await store.listAudit(params.id);
        reply.type('application/x-ndjson');
        return records.map((r) => `${canonicalJson(r)}\n`).join('');
      },
    }),
  ];
}
