// Scenario events: launches (DESIGN.md §5) and the false-alarm phenomena the world
// and sensors simulate (DOMAIN.md §3.1, §6): sun glint off cloud tops, fixed heat
// sources, sensor faults and random false alarms. A discriminated union on `type`.
import { z } from 'zod';
import { circle, duration, id, numberIn, point, timeAfterEpoch } from './schema-fields.ts';

/** Vehicle classes; the names are part of the contract (DESIGN.md §5, DOMAIN.md §2). */
export const LAUNCH_CLASSES = [
  'icbm-liquid',
  'icbm-solid',
  'slbm',
  'irbm',
  'mrbm',
  'srbm',
  'slv',
  'sounding-rocket',
] as const;
export type LaunchClass = (typeof LAUNCH_CLASSES)[number];

/** Classes flown to an aim point (`to`); the others take an azimuth or inclination. */
export const BALLISTIC_CLASSES: readonly LaunchClass[] = [
  'icbm-liquid',
  'icbm-solid',
  'slbm',
  'irbm',
  'mrbm',
  'srbm',
];

export const TRAJECTORY_PROFILES = ['min-energy', 'lofted', 'depressed'] as const;
export type TrajectoryProfile = (typeof TRAJECTORY_PROFILES)[number];

export const SENSOR_FAULT_KINDS = ['outage', 'stuck', 'corrupt-count', 'replay'] as const;
export type SensorFaultKind = (typeof SENSOR_FAULT_KINDS)[number];

/** Largest salvo one launch event may describe. */
export const MAX_SALVO = 1000;

const azimuthDeg = numberIn('azimuth', 0, 360).meta({
  description: 'Launch azimuth, degrees clockwise from north.',
});

export const launchEventSchema = z
  .strictObject({
    type: z.literal('launch'),
    id,
    class: z.enum(LAUNCH_CLASSES).meta({ description: 'Vehicle class (DOMAIN.md §2).' }),
    from: point.meta({ description: 'Launch point [latDeg, lonDeg].' }),
    to: point.optional().meta({ description: 'Aim point [latDeg, lonDeg]; required for ballistic classes.' }),
    azimuth: azimuthDeg.optional(),
    inclinationDeg: numberIn('inclinationDeg', 0, 180)
      .optional()
      .meta({ description: 'Target orbit inclination for an slv, instead of an azimuth.' }),
    at: timeAfterEpoch,
    profile: z
      .enum(TRAJECTORY_PROFILES)
      .optional()
      .meta({ description: 'Trajectory shape; min-energy when neither profile nor apogeeKm is given.' }),
    apogeeKm: numberIn('apogeeKm', 0, 40_000, true)
      .optional()
      .meta({ description: 'Target apogee altitude, km (instead of a profile).' }),
    count: z
      .int()
      .min(1)
      .max(MAX_SALVO)
      .optional()
      .meta({ description: 'Salvo of this many identical launches, `spacing` apart (default 1).' }),
    spacing: duration.optional().meta({ description: 'Time between the launches of a salvo.' }),
    notes: z.string().max(2000).optional(),
  })
  .superRefine((launch, ctx) => {
    const cls = launch.class;
    const aCls = `${cls === 'sounding-rocket' ? 'a' : 'an'} ${cls}`;
    const has = (key: keyof typeof launch) => launch[key] !== undefined;
    const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (BALLISTIC_CLASSES.includes(cls)) {
      if (!has('to'))
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          params: { missing: ['to'] },
          message: `${aCls} launch needs 'to', the aim point [latDeg, lonDeg]`,
        });
      if (has('azimuth'))
        issue('azimuth', `${aCls} launch flies to 'to'; 'azimuth' is only for slv and sounding-rocket`);
    } else if (cls === 'slv') {
      if (has('to'))
        issue(
          'to',
          `an slv flies to orbit, not to a point: give 'azimuth' or 'inclinationDeg' instead of 'to'`,
        );
      if (has('azimuth') === has('inclinationDeg'))
        issue(
          has('azimuth') ? 'inclinationDeg' : 'azimuth',
          has('azimuth')
            ? `an slv takes 'azimuth' or 'inclinationDeg', not both`
            : `an slv launch needs 'azimuth' (degrees from north) or 'inclinationDeg'`,
        );
      if (has('profile')) issue('profile', `'profile' shapes ballistic flights; an slv flies to orbit`);
      if (has('apogeeKm')) issue('apogeeKm', `'apogeeKm' shapes ballistic flights; an slv flies to orbit`);
    } else {
      if (has('to') === has('azimuth'))
        issue(
          has('to') ? 'azimuth' : 'to',
          has('to')
            ? `a sounding-rocket takes 'to' or 'azimuth', not both`
            : `a sounding-rocket launch needs 'azimuth' (degrees from north) or 'to'`,
        );
      if (has('profile')) issue('profile', `a sounding-rocket takes 'apogeeKm', not a 'profile'`);
    }
    if (cls !== 'slv' && has('inclinationDeg'))
      issue('inclinationDeg', `'inclinationDeg' is only for slv launches`);
    if (has('profile') && has('apogeeKm')) issue('apogeeKm', `give either 'profile' or 'apogeeKm', not both`);
    const count = launch.count ?? 1;
    if (count > 1 && !has('spacing'))
      issue('count', `a salvo of ${count} needs 'spacing', the time between launches (e.g. 30s)`);
    if (count === 1 && has('spacing'))
      issue('spacing', `'spacing' only applies to a salvo ('count' above 1)`);
  });

const window = {
  from: timeAfterEpoch
    .optional()
    .meta({ description: 'Start, after the epoch (default: the start of the run).' }),
  until: timeAfterEpoch
    .optional()
    .meta({ description: 'End, after the epoch (default: the end of the run).' }),
};

const intensity = numberIn('intensity', 0, 1e6, true).meta({
  description: 'Radiant intensity relative to a solid-ICBM first-stage plume (= 1).',
});

export const glintEventSchema = z.strictObject({
  type: z.literal('glint'),
  id,
  region: circle.meta({ description: 'Cloud field that can reflect sunlight: {center, radiusKm}.' }),
  ...window,
  cloudTopKm: numberIn('cloudTopKm', 0, 20)
    .optional()
    .meta({ description: 'Cloud-top altitude of the field, km (default: the weather cloud top).' }),
  angularWidthDeg: numberIn('angularWidthDeg', 0, 30, true).default(3).meta({
    description: 'Angular spread of the specular glint, degrees (DOMAIN.md §3.5: a few degrees). Default 3.',
  }),
  intensity: intensity.optional(),
});

export const heatSourceEventSchema = z.strictObject({
  type: z.literal('heat-source'),
  id,
  site: point.meta({ description: 'Location of the fire or flare [latDeg, lonDeg].' }),
  ...window,
  intensity: intensity.optional(),
});

export const sensorFaultEventSchema = z
  .strictObject({
    type: z.literal('sensor-fault'),
    id,
    sensor: id.meta({ description: 'Id of the affected sensor (satellite, radar or radar face).' }),
    kind: z.enum(SENSOR_FAULT_KINDS).meta({
      description:
        'outage: no reports; stuck: the last reports repeat; corrupt-count: counts in messages are garbled (1980); replay: the feed carries recorded data (1979).',
    }),
    ...window,
    source: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "What a replay feeds in, e.g. 'exercise-attack' (the 1979 training tape)." }),
  })
  .superRefine((fault, ctx) => {
    if (fault.kind === 'replay' && fault.source === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: `a replay fault needs 'source', e.g. exercise-attack`,
      });
    if (fault.kind !== 'replay' && fault.source !== undefined)
      ctx.addIssue({ code: 'custom', path: ['source'], message: `'source' only applies to kind: replay` });
  });

export const falseAlarmsEventSchema = z.strictObject({
  type: z.literal('false-alarms'),
  id,
  sensor: z.union([z.literal('*'), id]).meta({ description: "Id of the sensor, or '*' for every sensor." }),
  ratePerHour: numberIn('ratePerHour', 0, 10_000).meta({
    description: 'Mean number of false reports per hour (Poisson).',
  }),
  ...window,
});

export const EVENT_TYPES = ['launch', 'glint', 'heat-source', 'sensor-fault', 'false-alarms'] as const;

export const eventSchema = z.discriminatedUnion('type', [
  launchEventSchema,
  glintEventSchema,
  heatSourceEventSchema,
  sensorFaultEventSchema,
  falseAlarmsEventSchema,
]);
