// The OpenAPI 3.1 document of the API, generated from the route declarations and their
// zod schemas (the same ones that check requests), with named schemas as components
// and the WebSocket stream's messages described beside them. Served at /openapi.json
// and browsed at /docs.
import { z } from 'zod';
import { ROLES } from './auth/roles.ts';
import { type RouteSpec, TEXT_BODY_TYPES } from './http/route.ts';
import { clientMessageSchema, serverMessageSchema } from './schemas/stream.ts';

type JsonObject = Record<string, unknown>;

const STREAM_DESCRIPTION = `
## Authentication
Send a token as \`Authorization: Bearer <token>\`. Roles: **observer** reads; **operator**
also acknowledges and comments (and sends exchange notifications); **admin** also manages
scenarios, runs, notifications, tokens and exchange partners. No write without a token. The first start of \`vigil serve\` prints an admin token
once (or takes \`VIGIL_ADMIN_TOKEN\`).

## Errors
Every 4xx/5xx answer is an \`Error\`: \`{error, message, problems?}\`; bad input lists each
problem with its source, line, column and field path.

## Limits
Requests to \`/api\`, \`/ws\` and \`/exchange\` take from a token bucket — the token's, or
without a valid token the client address's (the exchange inbox also the named
partner's); an empty bucket answers 429 \`too-many-requests\` with \`Retry-After\`.
Bodies: 64 KiB, 2 MiB for scenario text, 512 KiB at the exchange inbox (413 beyond);
stream messages 16 KiB. \`GET /api/status\` shows the limits and what they refused.

## Exchange
With \`vigil serve --centre ID\`, partner centres deliver signed messages to
\`POST /exchange/inbox\` (no token: the Ed25519 signature is the credential) and the
\`/api/exchange\` routes manage partners and send notifications; without it they answer 404.

## Times and units
Simulation times are seconds after the scenario epoch (\`timeS\`); degrees, km and m/s
at this edge, as the names say.

## WebSocket stream: \`GET /ws?token=…\`
JSON text frames. Send \`{"type":"subscribe","runId":…}\` (also \`unsubscribe\`, \`ping\`).
For each subscribed run you get \`subscribed\` and a \`snapshot\`, then \`run\` (status and
clock), \`time\` (clock ticks of paced runs), \`step\` (what changed in each computed step:
apply it), \`snapshot\` (a whole picture after a seek or while replaying: replace),
\`action\` (acknowledgements and comments) and \`notification\`. A client that reads too
slowly loses the oldest queued messages: it is sent \`dropped\` with the count and then a
\`snapshot\` with reason \`resync\` for each run. Message schemas: components
\`StreamClientMessage\` and \`StreamServerMessage\`.
`;

/** `#/$defs/X` → `#/components/schemas/X`, everywhere in a generated schema. */
function relink(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] =
        k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', '#/components/schemas/') : relink(v);
    }
    return out;
  }
  return value;
}

class SchemaCollector {
  readonly components: JsonObject = {};

  /** The schema as OpenAPI JSON Schema; its named parts go to the components. */
  convert(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
    const json = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      unrepresentable: 'any',
      io,
    }) as JsonObject;
    const { $schema: _, $defs, ...rest } = json;
    for (const [name, def] of Object.entries(($defs ?? {}) as JsonObject))
      this.components[name] = relink(def);
    return relink(rest) as JsonObject;
  }
}

function parameters(
  collector: SchemaCollector,
  schema: z.ZodType | undefined,
  where: 'path' | 'query',
): JsonObject[] {
  if (!schema) return [];
  const json = collector.convert(schema, 'input');
  const props = (json['properties'] ?? {}) as Record<string, JsonObject>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(props).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof s['description'] === 'string' ? { description: s['description'] } : {}),
    schema: s,
  }));
}

function operation(collector: SchemaCollector, r: RouteSpec): JsonObject {
  const role = r.role === null ? 'No token needed.' : `Needs the **${r.role}** role (or higher).`;
  const responses: JsonObject = {};
  for (const [status, res] of Object.entries(r.responses)) {
    responses[status] = {
      description: res.description,
      ...(res.schema
        ? { content: { 'application/json': { schema: collector.convert(res.schema, 'output') } } }
        : {}),
    };
  }
  if (r.role !== null) {
    responses['401'] ??= {
      description: 'No valid token',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    if (r.role !== 'observer')
      responses['403'] ??= {
        description: `The token's role is below ${r.role}`,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
  }
  let requestBody: JsonObject | undefined;
  if (r.body) {
    const schema = collector.convert(r.body, 'input');
    const content: JsonObject = { 'application/json': { schema } };
    if (r.textBody) for (const type of TEXT_BODY_TYPES) content[type] = { schema: { type: 'string' } };
    requestBody = { required: true, content };
  }
  return {
    tags: [r.tag],
    summary: r.summary,
    description: [r.description, role].filter(Boolean).join('\n\n'),
    operationId: `${r.method.toLowerCase()}${r.url.replace(/[/:.-]+([a-z])/g, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '')}`,
    parameters: [...parameters(collector, r.params, 'path'), ...parameters(collector, r.query, 'query')],
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(r.role === null ? { security: [] } : {}),
  };
}

export function openApiDocument(routes: readonly RouteSpec[], version: string): JsonObject {
  const collector = new SchemaCollector();
  const paths: Record<string, JsonObject> = {};
  for (const r of routes) {
    const path = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...paths[path], [r.method.toLowerCase()]: operation(collector, r) };
  }
  paths['/ws'] = {
    get: {
      tags: ['runs'],
      summary: 'The WebSocket stream of runs (see the description above)',
      description:
        'Needs the **observer** role; the token goes in the query, since browsers cannot set headers here.',
      operationId: 'getWs',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
      responses: {
        101: { description: 'Switching to the WebSocket protocol' },
        401: {
          description: 'No valid token',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      security: [],
    },
  };
  collector.components['StreamClientMessage'] = collector.convert(clientMessageSchema, 'input');
  collector.components['StreamServerMessage'] = collector.convert(serverMessageSchema, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'vigil service API',
      version,
      description: `Scenarios, live runs and their replay, the warning centre's tracks and alerts, operator actions, notifications and the audit chain of vigil, an open missile-attack early-warning simulator (detection and warning only).\n${STREAM_DESCRIPTION}`,
    },
    tags: [
      'service',
      'access',
      'scenarios',
      'runs',
      'picture',
      'operator',
      'notifications',
      'audit',
      'exchange',
    ].map((name) => ({ name })),
    paths,
    components: {
      schemas: collector.components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: `A vigil token; roles ${ROLES.join(' < ')}.` },
      },
    },
    security: [{ bearer: [] }],
  };
}
