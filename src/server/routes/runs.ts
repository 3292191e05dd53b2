// /api/runs: start a run of a stored scenario, list and read runs, and drive a run's
// clock — pause, resume (optionally at another pace or mode), seek, stop.
import { z } from 'zod';
import type { Principal } from '../auth/roles.ts';
import { type RouteSpec, route, who } from '../http/route.ts';
import type { RunManager } from '../runs/run-manager.ts';
import { errorBodySchema, runIdParams } from '../schemas/common.ts';
import { resumeBody, runsQuery, runViewSchema, seekBody, startRunBody } from '../schemas/run.ts';

const bad = (d: string) => ({ description: d, schema: errorBodySchema });

export function runRoutes(runs: RunManager): RouteSpec[] {
  const tag = 'runs';
  const control = (
    verb: string,
    summary: string,
    description: string,
    act: (id: string, principal: Principal, body: unknown) => Promise<unknown>,
    body?: z.ZodType,
  ) =>
    route({
      method: 'POST',
      url: `/api/runs/:id/${verb}`,
      tag,
      summary,
      description,
      role: 'admin',
      params: runIdParams,
      ...(body ? { body } : {}),
      responses: {
        200: { description: 'The run after the change', schema: runViewSchema },
        404: bad('No such run'),
        409: bad('Not possible in the run’s state'),
      },
      handler: ({ params, principal, body: b }) => act(params.id, who(principal), b),
    });
  return [
    route({
      method: 'POST',
      url: '/api/runs',
      tag,
      summary: 'Start a run of a stored scenario',
      description:
        'mode paced plays at real time × pace; batch computes as fast as it can. Every step is stored as it is computed and streamed on /ws.',
      role: 'admin',
      body: startRunBody,
      status: 201,
      responses: {
        201: { description: 'The run, started (or held with paused: true)', schema: runViewSchema },
        400: bad('Bad body'),
        404: bad('No such scenario or version'),
        409: bad('A run with that id exists'),
      },
      handler: ({ body, principal }) => runs.start(body, who(principal)),
    }),
    route({
      method: 'GET',
      url: '/api/runs',
      tag,
      summary: 'List runs, newest first',
      role: 'observer',
      query: runsQuery,
      responses: { 200: { description: 'Runs', schema: z.array(runViewSchema) } },
      handler: ({ query }) =>
        runs.list({
          ...(query.status ? { status: query.status } : {}),
          ...(query.scenario ? { scenarioName: query.scenario } : {}),
        }),
    }),
    route({
      method: 'GET',
      url: '/api/runs/:id',
      tag,
      summary: 'A run: status, progress and clock',
      role: 'observer',
      params: runIdParams,
      responses: { 200: { description: 'The run', schema: runViewSchema }, 404: bad('No such run') },
      handler: async ({ params }) => (await runs.get(params.id)).view(),
    }),
    control(
      'pause',
      'Pause the run clock (and its computation)',
      'A paused run keeps its place.',
      async (id, p) => (await runs.get(id)).pause(p),
    ),
    control(
      'resume',
      'Play the run clock',
      'Resumes computing a queued or paused run; on an ended run, replays from the time shown to its end. Optional body {mode, pace}.',
      async (id, _p, b) => (await runs.get(id)).play((b ?? {}) as z.output<typeof resumeBody>),
      resumeBody,
    ),
    control(
      'seek',
      'Show the run at a time',
      'Behind the stored progress the picture is read back from the store (replay); ahead of it the steps in between are computed first. Subscribers get a snapshot.',
      async (id, _p, b) => (await runs.get(id)).seek((b as z.output<typeof seekBody>).timeS),
      seekBody,
    ),
    control(
      'stop',
      'End the run where it is',
      'The run is marked finished at its stored progress.',
      async (id, p) => (await runs.get(id)).stop(p),
    ),
  ];
}
