// The ground truth of a run (GET /api/runs/{id}/truth), for training and replay only:
// kept apart from the centre's picture, which never holds it. Shapes are
// src/analysis/export/truth-view.ts.
import { z } from 'zod';
import { isoInstant } from './common.ts';

const seconds = z.number().meta({ description: 'Seconds after the scenario epoch.' });
const latLon = z.object({ latDeg: z.number(), lonDeg: z.number() });

/** Longest and shortest spacing of the object samples a client may ask for, s. */
export const TRUTH_EVERY_S = { min: 1, max: 600, default: 10 } as const;

export const truthQuerySchema = z.strictObject({
  everyS: z.coerce
    .number()
    .min(TRUTH_EVERY_S.min)
    .max(TRUTH_EVERY_S.max)
    .default(TRUTH_EVERY_S.default)
    .meta({ description: `Spacing of the object samples, s (default ${TRUTH_EVERY_S.default}).` }),
});

export const truthSchema = z
  .object({
    runId: z.string(),
    epoch: isoInstant.meta({ description: 'Simulation time 0.' }),
    durationS: z.number(),
    everyS: z.number().meta({ description: 'Spacing of the object samples, s.' }),
    launches: z.array(
      z.object({
        id: z.string().meta({ description: 'The launch event of the scenario.' }),
        vehicleClass: z.string(),
        launchTimeS: seconds,
        latDeg: z.number(),
        lonDeg: z.number(),
        aim: latLon.nullable().meta({ description: 'The aim point; null for a space launch.' }),
      }),
    ),
    objects: z.array(
      z.object({
        id: z.string(),
        launchId: z.string(),
        kind: z.string().meta({ description: 'rv | booster-stage | payload | slv-stage' }),
        vehicleClass: z.string(),
        startTimeS: seconds.meta({ description: 'When it became a body of its own (launch for the head).' }),
        impactTimeS: z.number().nullable(),
        impact: latLon.nullable(),
        samples: z.array(z.tuple([z.number(), z.number(), z.number(), z.number()])).meta({
          description: '[tS, latDeg, lonDeg, altKm] every everyS from its start to its end or the run’s.',
        }),
      }),
    ),
    sources: z
      .array(
        z.object({
          id: z.string(),
          kind: z.enum(['glint', 'heat-source']),
          latDeg: z.number(),
          lonDeg: z.number(),
          radiusKm: z.number().meta({ description: "The glint field's radius; 0 for a heat source." }),
          fromS: seconds,
          untilS: seconds,
        }),
      )
      .meta({ description: 'False-alarm sources the scenario places, with the times they are active.' }),
    firings: z
      .array(
        z.object({
          tS: seconds,
          cause: z
            .string()
            .meta({ description: 'glint | heat-source | false-alarm | clutter | moon | fault-…' }),
          eventId: z.string().nullable(),
          sensorId: z.string(),
          reportId: z.string(),
          latDeg: z.number(),
          lonDeg: z.number(),
          altKm: z.number(),
        }),
      )
      .meta({
        description:
          'Each stored report no real object caused, where it came from: an IR line of sight meeting the ground, a radar plot where the radar put it.',
      }),
    firingsThroughS: z
      .number()
      .nullable()
      .meta({ description: "The run's stored progress: firings after it are not computed yet." }),
    firingsTruncated: z.boolean(),
  })
  .meta({
    id: 'Truth',
    description: 'What really flew and what really caused false reports — for training and replay only.',
  });
