// What a run showed at any time (replay): the whole picture, or its tracks, alerts and
// sensor statuses alone; one alert with its history and what operators did; the
// run's sensor network with the territory it defends; and its reports, listed or
// counted per sensor over time.
// Without ?timeS= the time is the run's clock.
import { z } from 'zod';
import { defendedView } from '../../analysis/export/defended-view.ts';
import { networkView } from '../../analysis/live/network-view.ts';
import type { EventStore } from '../../store/event-store.ts';
import { StoreError } from '../../store/store-error.ts';
import { type RouteSpec, route } from '../http/route.ts';
import type { RunManager } from '../runs/run-manager.ts';
import { errorBodySchema, querySeconds, runIdParams } from '../schemas/common.ts';
import { alertParams, operatorActionSchema } from '../schemas/operator.ts';
import {
  alertSchema,
  alertViewSchema,
  networkSchema,
  pictureSchema,
  sensorStatusSchema,
  trackSchema,
} from '../schemas/picture.ts';

const bad = (d: string) => ({ description: d, schema: errorBodySchema });
const atQuery = z.strictObject({ timeS: querySeconds.optional() });
const notFound = bad('No such run');

/** Most reports one request lists. */
const MAX_REPORTS = 20_000;

export function pictureRoutes(store: EventStore, runs: RunManager): RouteSpec[] {
  const tag = 'picture';
  const pictureOf = async (id: string, timeS: number | undefined) => {
    const run = await runs.get(id);
    return run.picture(timeS ?? run.view().clock.timeS);
  };
  return [
    route({
      method: 'GET',
      url: '/api/runs/:id/picture',
      tag,
      summary: 'Tracks, alerts and sensors as they stood at a time',
      role: 'observer',
      params: runIdParams,
      query: atQuery,
      responses: { 200: { description: 'The picture', schema: pictureSchema }, 404: notFound },
      handler: ({ params, query }) => pictureOf(params.id, query.timeS),
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/tracks',
      tag,
      summary: 'The tracks held at a time',
      role: 'observer',
      params: runIdParams,
      query: atQuery,
      responses: {
        200: {
          description: 'Tracks',
          schema: z.object({ timeS: z.number(), stepS: z.number().nullable(), tracks: z.array(trackSchema) }),
        },
        404: notFound,
      },
      handler: async ({ params, query }) => {
        const p = await pictureOf(params.id, query.timeS);
        return { timeS: p.timeS, stepS: p.stepS, tracks: p.tracks };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/alerts',
      tag,
      summary: 'Every alert as it stood at a time, with its operator state',
      role: 'observer',
      params: runIdParams,
      query: atQuery,
      responses: {
        200: {
          description: 'Alerts by first time',
          schema: z.object({
            timeS: z.number(),
            stepS: z.number().nullable(),
            alerts: z.array(alertViewSchema),
          }),
        },
        404: notFound,
      },
      handler: async ({ params, query }) => {
        const p = await pictureOf(params.id, query.timeS);
        return { timeS: p.timeS, stepS: p.stepS, alerts: p.alerts };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/alerts/:alertId',
      tag,
      summary: 'One alert: as it stands, every stored state, and what operators did',
      role: 'observer',
      params: alertParams,
      responses: {
        200: {
          description: 'The alert',
          schema: z.object({
            alert: alertViewSchema,
            history: z.array(z.object({ stepS: z.number(), alert: alertSchema })),
            actions: z.array(operatorActionSchema),
          }),
        },
        404: bad('No such run or alert'),
      },
      handler: async ({ params }) => {
        const run = await runs.get(params.id);
        const history = await store.alertHistory(params.id, params.alertId);
        const latest = history[history.length - 1];
        if (!latest) throw new StoreError('not-found', `no alert '${params.alertId}' in run '${params.id}'`);
        return {
          alert: run.operatorView(latest.alert, run.view().clock.timeS),
          history,
          actions: await store.listOperatorActions(params.id, params.alertId),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/sensors',
      tag,
      summary: "Each sensor's status at a time, from the reports the centre had received",
      role: 'observer',
      params: runIdParams,
      query: atQuery,
      responses: {
        200: {
          description: 'Sensor statuses',
          schema: z.object({
            timeS: z.number(),
            stepS: z.number().nullable(),
            sensors: z.array(sensorStatusSchema),
          }),
        },
        404: notFound,
      },
      handler: async ({ params, query }) => {
        const p = await pictureOf(params.id, query.timeS);
        return { timeS: p.timeS, stepS: p.stepS, sensors: p.sensors };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/network',
      tag,
      summary:
        "The run's sensor network — satellites with ground tracks, radars with their faces — and its defended territory",
      role: 'observer',
      params: runIdParams,
      responses: { 200: { description: 'The network', schema: networkSchema }, 404: notFound },
      handler: async ({ params }) => {
        const run = await runs.get(params.id);
        return { ...networkView(run.scenario, run.network), defended: defendedView(run.scenario.defended) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/reports',
      tag,
      summary: 'Sensor reports received in a time range (SI units, as on the bus)',
      role: 'observer',
      params: runIdParams,
      query: z.strictObject({
        fromS: querySeconds.optional(),
        toS: querySeconds.optional(),
        sensorId: z.string().max(100).optional(),
      }),
      responses: {
        200: {
          description: `Reports in time order (at most ${MAX_REPORTS}; truncated says when more matched)`,
          schema: z.object({ reports: z.array(z.record(z.string(), z.unknown())), truncated: z.boolean() }),
        },
        404: notFound,
      },
      handler: async ({ params, query }) => {
        await runs.get(params.id);
        const all = await store.listReports(params.id, {
          ...(query.fromS === undefined ? {} : { fromS: query.fromS }),
          ...(query.toS === undefined ? {} : { toS: query.toS }),
        });
        const matching = query.sensorId ? all.filter((r) => r.sensorId === query.sensorId) : all;
        return { reports: matching.slice(0, MAX_REPORTS), truncated: matching.length > MAX_REPORTS };
      },
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id/report-counts',
      tag,
      summary: 'Reports per sensor in bins of simulation time (for charts)',
      role: 'observer',
      params: runIdParams,
      query: z.strictObject({ binS: z.coerce.number().min(1).max(3600).default(60) }),
      responses: {
        200: {
          description: 'counts[sensorId][k] reports in [k·binS, (k+1)·binS)',
          schema: z.object({
            binS: z.number(),
            bins: z.int(),
            counts: z.record(z.string(), z.array(z.int())),
          }),
        },
        404: notFound,
      },
      handler: async ({ params, query }) => {
        const run = await runs.get(params.id);
        const bins = Math.ceil(run.scenario.durationS / query.binS);
        const counts: Record<string, number[]> = {};
        for (const r of await store.listReports(params.id)) {
          const k = Math.min(bins - 1, Math.max(0, Math.floor(r.timeS / query.binS)));
          const row = counts[r.sensorId] ?? new Array<number>(bins).fill(0);
          row[k]!++;
          counts[r.sensorId] = row;
        }
        return { binS: query.binS, bins, counts };
      },
    }),
  ];
}
