// The scenario file format: the single source for validation, the TypeScript types
// (z.infer) and the JSON Schema editors use (schema/vigil-scenario.schema.json).
// The core keys (name, epoch, duration, seed, defended, events) are a contract
// (DESIGN.md §5): every file with them keeps loading as the later parts' keys —
// network, weather, notifications, policy, centres — grow beside them.
import { z } from 'zod';
import { checkDuration } from './duration.ts';
import { formatPath } from './input-error.ts';
import {
  eventSchema,
  type falseAlarmsEventSchema,
  type glintEventSchema,
  type heatSourceEventSchema,
  type launchEventSchema,
  type sensorFaultEventSchema,
} from './schema-events.ts';
import { circle, duration, id, numberIn, polygon, utcInstant } from './schema-fields.ts';
import {
  DEFAULT_NETWORK_PRESET,
  type irSensorSchema,
  type networkObjectSchema,
  networkSchema,
  type orbitSchema,
  type radarFaceSchema,
  type radarSchema,
  type satelliteSchema,
} from './schema-network.ts';
import { notificationSchema } from './schema-notifications.ts';

/** Largest seed: seeds are unsigned 32-bit so every generator can take them whole. */
export const MAX_SEED = 4_294_967_295;

/** A defended territory: an ISO 3166-1 alpha-3 code or country name, or a polygon. */
export const defendedAreaSchema = z
  .union([
    z.string().min(1).max(100).meta({ description: "ISO 3166-1 alpha-3 code ('USA') or a country name." }),
    z.strictObject({ polygon }),
  ])
  .meta({ description: "A country ('USA', 'Norway') or {polygon: [[latDeg, lonDeg], …]}." });

export const weatherSchema = z.strictObject({
  cloudTopKm: numberIn('cloudTopKm', 0, 20).meta({
    description:
      'Global cloud-top altitude, km: plumes below it are hidden from IR sensors (DOMAIN.md §3.1).',
  }),
  regions: z
    .array(circle.extend({ cloudTopKm: numberIn('cloudTopKm', 0, 20) }))
    .max(1000)
    .default([])
    .meta({ description: 'Regions {center, radiusKm, cloudTopKm} overriding the global cloud top.' }),
});

export const CONFIRMATION_RULES = ['dual-phenomenology', 'two-sensors', 'any'] as const;

/** Alert-ladder policy (DESIGN.md §4); every field has a default. */
export const policySchema = z.strictObject({
  confirmRequires: z.enum(CONFIRMATION_RULES).default('dual-phenomenology').meta({
    description:
      'Evidence for launch-confirmed: IR and radar agreeing (dual-phenomenology, DOMAIN.md §8.2), any two sensors, or any one. Default dual-phenomenology.',
  }),
  attackWarningRequiresImpactInDefended: z.boolean().default(true).meta({
    description:
      'attack-warning only when the predicted impact area meets the defended territory. Default true.',
  }),
  notificationWindowMarginS: numberIn('notificationWindowMarginS', 0, 86_400).default(300).meta({
    description: 'Slack around a notified launch window when matching a launch to it, s. Default 300 [E].',
  }),
  raidGroupingWindowS: numberIn('raidGroupingWindowS', 0, 3600).default(300).meta({
    description:
      'Launches closer in time than this form one raid, s. Default 300, the RU-CN 2009 "group simultaneous launches" (< 5 min, DOMAIN.md §7.4).',
  }),
  launchDetectedMinReports: z.int().min(1).max(100).default(3).meta({
    description:
      'Consistent IR reports before launch-detected. Default 3 (DOMAIN.md §3.5: report after 2-3 detections).',
  }),
});

export const defendedSchema = z.array(defendedAreaSchema).max(1000).meta({
  description: 'Defended territory: countries (ISO alpha-3 codes or names) or polygons. May be empty.',
});

export const centreSchema = z.strictObject({
  id,
  network: networkSchema
    .optional()
    .meta({ description: "The centre's sensors (default: the scenario network)." }),
  defended: defendedSchema
    .optional()
    .meta({ description: "The centre's territory (default: the scenario's)." }),
});

export const scenarioFileSchema = z
  .strictObject({
    $schema: z
      .string()
      .max(2000)
      .optional()
      .meta({ description: 'JSON Schema reference for editors; ignored.' }),
    name: z.string().min(1).max(200),
    description: z.string().max(20_000).optional(),
    epoch: utcInstant.meta({
      description: 'Scenario start, a UTC instant; every time in the run counts from it.',
    }),
    duration: duration
      .superRefine((value, ctx) => {
        const result = checkDuration(value);
        if ('seconds' in result && result.seconds === 0)
          ctx.addIssue({ code: 'custom', message: 'a scenario must last longer than 0 s' });
      })
      .meta({ description: 'Length of the run: seconds, or text such as 40m, 1h30m.' }),
    seed: z
      .int()
      .min(0)
      .max(MAX_SEED)
      .default(1)
      .meta({
        description: `Seed of the run's random streams, 0 to ${MAX_SEED}. Default 1.`,
      }),
    defended: defendedSchema,
    events: z.array(eventSchema).max(10_000),
    network: networkSchema.default(DEFAULT_NETWORK_PRESET),
    weather: weatherSchema.optional(),
    notifications: z.array(notificationSchema).max(10_000).default([]),
    policy: policySchema.prefault({}),
    centres: z.array(centreSchema).max(100).default([]).meta({
      description:
        'Warning centres exchanging notifications; empty means one centre with the scenario network.',
    }),
  })
  .superRefine(crossChecks, { when: (payload) => isRecord(payload.value) });

/**
 * Rules across fields: unique ids, times inside the run, references between
 * notifications. Runs even when other fields have problems (so a file's problems are
 * reported together), hence it reads the value defensively.
 */
function crossChecks(value: unknown, ctx: z.core.$RefinementCtx): void {
  if (!isRecord(value)) return;
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  const durationS = secondsOf(value['duration']);
  const events = Array.isArray(value['events']) ? value['events'] : [];
  const eventIds = new Map<string, number>();
  events.forEach((event: unknown, i) => {
    if (!isRecord(event)) return;
    const eventId = event['id'];
    if (typeof eventId === 'string') {
      const first = eventIds.get(eventId);
      if (first !== undefined)
        issue(['events', i, 'id'], `duplicate id '${eventId}' (first used by events[${first}])`);
      else eventIds.set(eventId, i);
    }
    if (durationS === undefined) return;
    const atS = secondsOf(event['at']);
    if (event['type'] === 'launch' && atS !== undefined) {
      const count = typeof event['count'] === 'number' ? event['count'] : 1;
      const lastS = atS + (count - 1) * (secondsOf(event['spacing']) ?? 0);
      if (atS > durationS)
        issue(
          ['events', i, 'at'],
          `launch at ${atS} s is after the end of the scenario (duration ${durationS} s)`,
        );
      else if (lastS > durationS)
        issue(
          ['events', i, 'count'],
          `the salvo's last launch at ${lastS} s is after the end of the scenario (duration ${durationS} s)`,
        );
    }
    const fromS = secondsOf(event['from']);
    const untilS = secondsOf(event['until']);
    if (event['type'] !== 'launch') {
      if (fromS !== undefined && fromS > durationS)
        issue(
          ['events', i, 'from'],
          `starts at ${fromS} s, after the end of the scenario (duration ${durationS} s)`,
        );
      if (fromS !== undefined && untilS !== undefined && untilS <= fromS)
        issue(['events', i, 'until'], `'until' (${untilS} s) must be after 'from' (${fromS} s)`);
    }
  });
  uniqueIds(value['notifications'], 'notifications', issue, (n, i, seen) => {
    const ref = n['refersTo'];
    if (typeof ref === 'string' && !seen.has(ref))
      issue(
        ['notifications', i, 'refersTo'],
        `refers to '${ref}', which no earlier notification has as its id`,
      );
  });
  uniqueIds(value['centres'], 'centres', issue);
}

function uniqueIds(
  list: unknown,
  key: string,
  issue: (path: (string | number)[], message: string) => void,
  each?: (item: Record<string, unknown>, index: number, seenBefore: ReadonlyMap<string, number>) => void,
): void {
  if (!Array.isArray(list)) return;
  const seen = new Map<string, number>();
  list.forEach((item: unknown, i) => {
    if (!isRecord(item)) return;
    each?.(item, i, seen);
    const itemId = item['id'];
    if (typeof itemId !== 'string') return;
    const first = seen.get(itemId);
    if (first !== undefined)
      issue([key, i, 'id'], `duplicate id '${itemId}' (first used by ${formatPath([key, first])})`);
    else seen.set(itemId, i);
  });
}

function secondsOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const result = checkDuration(value);
  return 'seconds' in result ? result.seconds : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
/** A scenario as written, before defaults are applied. */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;
export type ScenarioEvent = z.output<typeof eventSchema>;
export type LaunchEvent = z.output<typeof launchEventSchema>;
export type GlintEvent = z.output<typeof glintEventSchema>;
export type HeatSourceEvent = z.output<typeof heatSourceEventSchema>;
export type SensorFaultEvent = z.output<typeof sensorFaultEventSchema>;
export type FalseAlarmsEvent = z.output<typeof falseAlarmsEventSchema>;
export type DefendedAreaFile = z.output<typeof defendedAreaSchema>;
export type NetworkFile = z.output<typeof networkSchema>;
export type NetworkObjectFile = z.output<typeof networkObjectSchema>;
export type SatelliteFile = z.output<typeof satelliteSchema>;
export type OrbitFile = z.output<typeof orbitSchema>;
export type IrSensorFile = z.output<typeof irSensorSchema>;
export type RadarFile = z.output<typeof radarSchema>;
export type RadarFaceFile = z.output<typeof radarFaceSchema>;
export type WeatherFile = z.output<typeof weatherSchema>;
export type NotificationFile = z.output<typeof notificationSchema>;
export type PolicyFile = z.output<typeof policySchema>;
export type CentreFile = z.output<typeof centreSchema>;

export type { LaunchClass, TrajectoryProfile } from './schema-events.ts';
export { EVENT_TYPES, LAUNCH_CLASSES, TRAJECTORY_PROFILES } from './schema-events.ts';
