// The JSON schema of a sensor report on `vigil.reports.<sensorId>`: the fields of
// IrReport and RadarReport (src/sensors/report.ts, where each field's meaning and unit
// is documented), checked strictly so that an external feed is processed exactly like
// simulated reports or rejected with the field and what was expected. Beyond types,
// the checks catch unit mistakes: positions in metres (a satellite inside the Earth
// is a kilometre value), angles in radians (|angle| ≤ 2π), unit lines of sight.
import { z } from 'zod';
import { id } from '../scenario/schema-fields.ts';

/** WGS-84 polar radius, m: no observing satellite is closer to the centre of the Earth. */
const POLAR_RADIUS_M = 6_356_752;
const UNIT_TOLERANCE = 1e-6;
const TWO_PI = 2 * Math.PI;
const HALF_PI = Math.PI / 2;

const seconds = z.number().meta({ description: 'Seconds after the scenario epoch.' });
const angle = z.number().min(-TWO_PI).max(TWO_PI).meta({ description: 'Radians.' });
const positive = z.number().positive();
const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const norm = (v: readonly number[]) => Math.hypot(v[0]!, v[1]!, v[2]!);

const observerEci = vec3
  .refine((v) => norm(v) >= POLAR_RADIUS_M, {
    error: (iss) =>
      `expected the satellite position in metres, outside the Earth (|r| ≥ ${POLAR_RADIUS_M} m); got |r| = ${norm(iss.input as number[]).toPrecision(6)} m`,
  })
  .meta({ description: 'Satellite (observer) position at timeS, ECI, m.' });

const losEci = vec3
  .refine((v) => Math.abs(norm(v) - 1) <= UNIT_TOLERANCE, {
    error: (iss) =>
      `expected a unit vector (length 1 ± ${UNIT_TOLERANCE}); got length ${norm(iss.input as number[]).toPrecision(8)}`,
  })
  .meta({ description: 'Unit line of sight from the satellite to the source, ECI.' });

const reportId = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: 'Unique report id, `<sensorId>#<sequence>`.' });
const count = z
  .int()
  .min(0)
  .max(1_000_000)
  .meta({ description: 'Objects the message counts in this detection (1 normally).' });

export const irReportSchema = z.strictObject({
  kind: z.literal('ir'),
  id: reportId,
  sensorId: id,
  timeS: seconds,
  observerEci,
  losEci,
  azRad: angle,
  elRad: angle,
  sigmaRad: positive.meta({ description: 'Angular noise, 1σ per axis, rad.' }),
  intensity: z
    .number()
    .min(0)
    .meta({ description: 'In-band intensity relative to a solid-ICBM first stage (= 1).' }),
  count,
});

export const radarReportSchema = z
  .strictObject({
    kind: z.literal('radar'),
    id: reportId,
    sensorId: id,
    radarId: id,
    timeS: seconds,
    site: z.strictObject({
      latRad: z.number().min(-HALF_PI).max(HALF_PI),
      lonRad: angle,
      hM: z.number().min(-500).max(10_000),
    }),
    rangeM: positive,
    azRad: angle,
    elRad: z.number().min(-HALF_PI).max(HALF_PI),
    rangeRateMps: z.number().nullable(),
    sigmaRangeM: positive,
    sigmaAngleRad: positive,
    sigmaRangeRateMps: positive.nullable(),
    snrDb: z.number(),
    count,
  })
  .refine((r) => (r.rangeRateMps === null) === (r.sigmaRangeRateMps === null), {
    path: ['sigmaRangeRateMps'],
    error: 'expected a number exactly when rangeRateMps is one (null when the face measures no range rate)',
  });

export const sensorReportSchema = z.discriminatedUnion('kind', [irReportSchema, radarReportSchema]);

/**
 * The schema as JSON Schema, for feed providers. Types, ranges and required fields carry
 * over; the cross-field checks (unit line of sight, position outside the Earth, range
 * rate with its noise) are the decoder's alone.
 */
export function sensorReportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(sensorReportSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
