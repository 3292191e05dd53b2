// /api/scenarios: stored scenarios with their versions (create, read, new version,
// delete), validation without storing, the bundled scenarios, and the scenario JSON
// Schema for editors. Every text is checked as `vigil validate` checks a file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { scenarioJsonSchema } from '../../scenario/json-schema.ts';
import { MAX_SCENARIO_BYTES } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { ScenarioVersion } from '../../store/records.ts';
import { StoreError } from '../../store/store-error.ts';
import { type RouteSpec, route } from '../http/route.ts';
import { checkScenarioText, sourceNameFor } from '../runs/scenario-check.ts';
import { errorBodySchema } from '../schemas/common.ts';
import {
  bundledScenarioSchema,
  createScenarioBody,
  scenarioHeadSchema,
  scenarioNameParams,
  scenarioTextBody,
  scenarioVersionInfoSchema,
  scenarioVersionSchema,
  validateBody,
  validationSchema,
  versionQuery,
} from '../schemas/scenario.ts';

/** Scenario text travels as JSON or YAML, where JSON escaping can double its size. */
export const SCENARIO_BODY_LIMIT = 2 * MAX_SCENARIO_BYTES + 4096;

const bad = (d: string) => ({ description: d, schema: errorBodySchema });

export function digestOf(scenario: Scenario, sensors: number) {
  return {
    title: scenario.name,
    description: scenario.description,
    epoch: scenario.epochIso,
    durationS: scenario.durationS,
    seed: scenario.seed,
    launches: scenario.events.reduce((n, e) => n + (e.type === 'launch' ? e.count : 0), 0),
    events: scenario.events.length,
    notifications: scenario.notifications.length,
    network: scenario.network.preset,
    sensors,
  };
}

function check(text: string, sourceName: string) {
  const checked = checkScenarioText(text, sourceName);
  return digestOf(checked.scenario, checked.network.sensors.length);
}

function versionBody(v: ScenarioVersion) {
  return { ...v, digest: check(v.text, sourceNameFor(v.name, v.text)) };
}

function bundledFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export function scenarioRoutes(store: EventStore, bundledDir: string): RouteSpec[] {
  const tag = 'scenarios';
  // The shipped files do not change while the service runs: read and check them once.
  let bundled: Array<{ id: string; text: string; digest: ReturnType<typeof digestOf> }> | null = null;
  const readBundled = () => {
    if (!bundled) {
      bundled = bundledFiles(bundledDir).map((file) => {
        const text = readFileSync(file, 'utf8');
        return {
          id: relative(bundledDir, file)
            .replace(/\\/g, '/')
            .replace(/\.ya?ml$/, ''),
          text,
          digest: check(text, file),
        };
      });
      bundled.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    }
    return bundled;
  };
  return [
    route({
      method: 'GET',
      url: '/api/scenarios',
      tag,
      summary: 'List stored scenarios with their newest version',
      role: 'observer',
      responses: { 200: { description: 'Scenarios by name', schema: z.array(scenarioHeadSchema) } },
      handler: () => store.listScenarios(),
    }),
    route({
      method: 'POST',
      url: '/api/scenarios',
      tag,
      summary: 'Store a new scenario (version 1)',
      description:
        'The text is checked as `vigil validate` checks a file; 409 when the name is taken (PUT adds a version).',
      role: 'admin',
      body: createScenarioBody,
      bodyLimit: SCENARIO_BODY_LIMIT,
      status: 201,
      responses: {
        201: { description: 'Stored', schema: scenarioVersionSchema },
        400: bad('Invalid scenario: located problems'),
        409: bad('A scenario of that name exists'),
        413: bad('Body too large'),
      },
      handler: async ({ body }) => {
        if (await store.getScenario(body.name))
          throw new StoreError(
            'conflict',
            `a scenario named '${body.name}' exists: PUT /api/scenarios/${body.name} adds a version`,
          );
        check(body.text, sourceNameFor(body.name, body.text));
        return versionBody(await store.saveScenario(body.name, body.text));
      },
    }),
    route({
      method: 'POST',
      url: '/api/scenarios/validate',
      tag,
      summary: 'Check a scenario without storing it',
      description:
        'Body: JSON {text, name?} or the file itself as application/yaml or text/plain. Invalid: 400 with each problem located (line, column, field path).',
      role: 'observer',
      body: validateBody,
      textBody: true,
      bodyLimit: SCENARIO_BODY_LIMIT,
      responses: {
        200: { description: 'Valid', schema: validationSchema },
        400: bad('Invalid: located problems'),
      },
      handler: async ({ body }) => ({
        valid: true as const,
        digest: check(body.text, body.name ?? 'scenario.yaml'),
      }),
    }),
    route({
      method: 'GET',
      url: '/api/scenarios/:name',
      tag,
      summary: 'A scenario version (the newest unless ?version=)',
      role: 'observer',
      params: scenarioNameParams,
      query: versionQuery,
      responses: {
        200: { description: 'The version', schema: scenarioVersionSchema },
        404: bad('No such scenario'),
      },
      handler: async ({ params, query }) => {
        const v = await store.getScenario(params.name, query.version);
        if (!v)
          throw new StoreError(
            'not-found',
            `no scenario '${params.name}'${query.version === undefined ? '' : ` version ${query.version}`}`,
          );
        return versionBody(v);
      },
    }),
    route({
      method: 'PUT',
      url: '/api/scenarios/:name',
      tag,
      summary: 'Store a new version of a scenario',
      description:
        'Body: JSON {text} or the file itself as application/yaml or text/plain. The same text as the newest version adds no version.',
      role: 'admin',
      params: scenarioNameParams,
      body: scenarioTextBody,
      textBody: true,
      bodyLimit: SCENARIO_BODY_LIMIT,
      responses: {
        200: { description: 'The newest version', schema: scenarioVersionSchema },
        400: bad('Invalid scenario'),
        404: bad('No such scenario (POST creates one)'),
      },
      handler: async ({ params, body }) => {
        if (!(await store.getScenario(params.name)))
          throw new StoreError('not-found', `no scenario '${params.name}': POST /api/scenarios creates one`);
        check(body.text, sourceNameFor(params.name, body.text));
        return versionBody(await store.saveScenario(params.name, body.text));
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/scenarios/:name',
      tag,
      summary: 'Delete a scenario and every version',
      role: 'admin',
      params: scenarioNameParams,
      status: 204,
      responses: {
        204: { description: 'Deleted' },
        404: bad('No such scenario'),
        409: bad('Runs use it'),
      },
      handler: async ({ params }) => store.deleteScenario(params.name),
    }),
    route({
      method: 'GET',
      url: '/api/scenarios/:name/versions',
      tag,
      summary: 'Every version of a scenario, oldest first',
      role: 'observer',
      params: scenarioNameParams,
      responses: {
        200: { description: 'Versions', schema: z.array(scenarioVersionInfoSchema) },
        404: bad('No such scenario'),
      },
      handler: async ({ params }) => {
        const versions = await store.listScenarioVersions(params.name);
        if (versions.length === 0) throw new StoreError('not-found', `no scenario '${params.name}'`);
        return versions.map((v) => ({
          name: v.name,
          version: v.version,
          createdAt: v.createdAt,
          bytes: Buffer.byteLength(v.text),
        }));
      },
    }),
    route({
      method: 'GET',
      url: '/api/bundled-scenarios',
      tag,
      summary: 'The scenarios shipped with vigil (scenarios/), to store and run',
      role: 'observer',
      responses: { 200: { description: 'Bundled scenarios', schema: z.array(bundledScenarioSchema) } },
      handler: async () => readBundled(),
    }),
    route({
      method: 'GET',
      url: '/api/scenario-schema',
      tag,
      summary: 'The JSON Schema of the scenario format (for editors)',
      role: null,
      responses: { 200: { description: 'JSON Schema (draft-07)' } },
      handler: async () => scenarioJsonSchema(),
    }),
  ];
}
