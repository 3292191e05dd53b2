// The picture of a run at a time — tracks, alerts, sensors — and the network drawn
// under it. Alerts are the run summary's alerts[] (DESIGN.md §5, src/analysis/summary.ts)
// with what operators did to them; tracks are src/analysis/live/live-track.ts.
import { z } from 'zod';
import { LEVELS } from '../../centre/assessment/alert.ts';
import { isoInstant } from './common.ts';

const seconds = z.number().meta({ description: 'Seconds after the scenario epoch.' });

export const areaSchema = z
  .object({
    latDeg: z.number(),
    lonDeg: z.number(),
    semiMajorKm: z.number(),
    semiMinorKm: z.number(),
    orientationDeg: z.number().meta({ description: 'Of the major axis, clockwise from north.' }),
  })
  .meta({ id: 'Area', description: 'A 95% ground ellipse.' });

export const alertSchema = z
  .object({
    id: z.string(),
    timeS: seconds.meta({ description: 'When the alert was raised.' }),
    level: z.enum(LEVELS),
    levelHistory: z.array(z.object({ level: z.enum(LEVELS), timeS: seconds })),
    trackIds: z.array(z.string()),
    raidId: z.string().optional(),
    launchArea: areaSchema.nullable(),
    launchRegion: z.string().nullable().optional(),
    launchTimeS: z.number().nullable().optional(),
    impactArea: areaSchema.nullable(),
    impactRegion: z.string().nullable(),
    impactTimeS: z.number().nullable().optional(),
    timeToImpactS: z
      .number()
      .nullable()
      .meta({ description: "From the alert's highest level to the predicted impact: its warning margin." }),
    classification: z.string().optional(),
    classEstimate: z.string().nullable().optional(),
    confidence: z.number().meta({ description: 'Probability that it is a real rocket.' }),
    evidence: z.array(z.string()).meta({ description: "Each piece of evidence in words, '[T+m:ss] text'." }),
    notificationId: z.string().nullable(),
    notificationStatus: z.enum(['match', 'mismatch', 'none']).optional(),
    cancelled: z.boolean(),
  })
  .meta({ id: 'Alert', description: 'One alert as the centre holds it (the run summary alerts[] row).' });

export const operatorStateSchema = z
  .object({
    acknowledged: z.boolean(),
    acknowledgedBy: z.string().nullable(),
    acknowledgedAt: isoInstant.nullable(),
    comments: z.int().meta({ description: 'Comments on the alert so far.' }),
  })
  .meta({ id: 'OperatorState', description: 'What operators have done to an alert by the time asked.' });

export const alertViewSchema = alertSchema
  .extend({ operator: operatorStateSchema })
  .meta({ id: 'AlertView', description: 'An alert with its operator state.' });

const positionSchema = z
  .object({ latDeg: z.number(), lonDeg: z.number(), altKm: z.number() })
  .meta({ id: 'Position', description: 'Geodetic WGS-84.' });

export const trackSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['3d', 'angle-only']),
    status: z.enum(['tentative', 'confirmed', 'coasting']),
    firstTimeS: seconds,
    lastTimeS: seconds.meta({ description: 'Last update by a report.' }),
    timeS: seconds.meta({ description: 'Time of the state.' }),
    sensors: z.array(z.string()),
    classification: z.string(),
    position: positionSchema.nullable(),
    velocityEcefMps: z.tuple([z.number(), z.number(), z.number()]).nullable(),
    positionSigmaKm: z.number().nullable().meta({ description: 'RMS position error per axis (1σ).' }),
    boostProbability: z.number().nullable(),
    sensorId: z.string().nullable().meta({ description: 'Angle-only: the satellite that sees it.' }),
    groundPoint: z.object({ latDeg: z.number(), lonDeg: z.number() }).nullable(),
    bearing: z
      .object({ from: positionSchema, losEcef: z.tuple([z.number(), z.number(), z.number()]) })
      .nullable()
      .meta({ description: 'Angle-only: the latest line of sight, from the satellite, ECEF unit vector.' }),
  })
  .meta({ id: 'Track', description: 'One track of the live picture.' });

export const sensorStatusSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['ir', 'radar']),
    radarId: z.string().nullable(),
    state: z.enum(['idle', 'active', 'quiet']).meta({
      description: 'idle: nothing received yet; active: reporting now; quiet: reported before, not lately.',
    }),
    reports: z.int(),
    lastReportS: z.number().nullable(),
    flagged: z.boolean().meta({ description: 'The centre holds this feed inconsistent.' }),
  })
  .meta({ id: 'SensorStatus' });

export const pictureSchema = z
  .object({
    runId: z.string(),
    timeS: seconds.meta({
      description: 'The time asked for (the picture of the last step at or before it).',
    }),
    stepS: z
      .number()
      .nullable()
      .meta({ description: 'The stored step the picture is from; null before the first.' }),
    tracks: z.array(trackSchema),
    alerts: z.array(alertViewSchema),
    sensors: z.array(sensorStatusSchema),
  })
  .meta({ id: 'Picture', description: 'Everything the centre showed at one time of a run.' });

export const defendedTerritorySchema = z
  .object({
    countries: z
      .array(z.string())
      .meta({ description: 'ISO 3166-1 alpha-3 codes or country names, as written.' }),
    polygons: z
      .array(z.array(z.tuple([z.number(), z.number()])))
      .meta({ description: 'Polygons as rings of [latDeg, lonDeg], as written.' }),
  })
  .meta({
    id: 'DefendedTerritory',
    description: "The scenario's `defended` list, which the centre's attack warnings test.",
  });

export const networkSchema = z
  .object({
    trackEveryS: z.number(),
    fanAltitudeKm: z.number(),
    satellites: z.array(
      z.object({
        id: z.string(),
        kind: z.literal('ir'),
        orbit: z.string(),
        periodS: z.number(),
        mode: z.enum(['look-down', 'limb']),
        scan: z.enum(['scanner', 'starer']),
        revisitS: z.number(),
        fieldOfRegard: z.object({ latDeg: z.number(), lonDeg: z.number(), radiusKm: z.number() }).nullable(),
        track: z
          .array(z.tuple([z.number(), z.number(), z.number(), z.number()]))
          .meta({ description: 'Sub-satellite points [tS, latDeg, lonDeg, altKm].' }),
      }),
    ),
    radars: z.array(
      z.object({
        id: z.string(),
        kind: z.literal('radar'),
        site: positionSchema,
        faces: z.array(
          z.object({
            id: z.string(),
            boresightDeg: z.number(),
            halfWidthDeg: z.number(),
            minElevationDeg: z.number(),
            maxElevationDeg: z.number(),
            maxRangeKm: z.number(),
            band: z.string(),
            revisitS: z.number(),
            fan: z.array(z.array(z.number())).meta({ description: 'Ground fan ring of [lonDeg, latDeg].' }),
          }),
        ),
      }),
    ),
    defended: defendedTerritorySchema,
  })
  .meta({
    id: 'Network',
    description:
      "A run's sensors: satellites with their ground tracks, radars with their faces; and the territory it defends.",
  });
