// The shape of a run's record as a result message carries it (campaign.ts RunRecord):
// a coordinator counts only results whose record has it, so a malformed record put on
// a campaign's results subject — by a faulty worker or anyone who can publish there —
// is ignored rather than folded into the campaign's statistics. Checked against the
// TypeScript type at compile time (`satisfies`), so the two cannot drift apart.
import { z } from 'zod';
import type { RunRecord } from '../../analysis/montecarlo/campaign.ts';
import { LEVELS } from '../../centre/assessment/alert.ts';

const finite = z.number().finite();
const seconds = finite.nonnegative();
const count = z.int().nonnegative();
const latLon = z.strictObject({ latDeg: finite.min(-90).max(90), lonDeg: finite.min(-540).max(540) });
const levelTimes = z.strictObject(
  Object.fromEntries(LEVELS.map((l) => [l, finite.nullable()])) as Record<
    (typeof LEVELS)[number],
    z.ZodNullable<z.ZodNumber>
  >,
);
const numbersById = z.record(z.string(), finite);

const launchOutcome = z.strictObject({
  id: z.string(),
  vehicleClass: z.string(),
  launchTimeS: finite,
  launchPoint: latLon,
  impactPoint: latLon.nullable(),
  launchEstimate: latLon.nullable(),
  impactEstimate: latLon.nullable(),
  flightTimeS: finite.nullable(),
  detected: z.boolean(),
  firstReportS: finite.nullable(),
  sensors: numbersById,
  levels: levelTimes,
  alertIds: z.array(z.string()),
  launchErrorKm: finite.nonnegative().nullable(),
  launchTimeErrorS: finite.nullable(),
  impactErrorKm: finite.nonnegative().nullable(),
  warningMarginS: finite.nullable(),
});

const falseAlert = z.strictObject({
  alertId: z.string(),
  level: z.enum(LEVELS),
  levelTimeS: finite,
  cancelled: z.boolean(),
  causes: z.record(z.string(), count),
});

const gospaTerms = z.strictObject({
  gospa: finite.nonnegative(),
  localisation: finite.nonnegative(),
  missed: finite.nonnegative(),
  false: finite.nonnegative(),
});

export const runRecordSchema = z.strictObject({
  run: count,
  seed: z.int(),
  durationS: seconds,
  variation: z.strictObject({
    noise: numbersById.optional(),
    pd: numbersById.optional(),
    cloudTopKm: finite.optional(),
    launchShiftS: numbersById.optional(),
    outages: z.array(z.string()).optional(),
    glint: numbersById.optional(),
  }),
  launches: z.array(launchOutcome),
  falseAlerts: z.array(falseAlert),
  gospa: z.strictObject({ scans: count, mean: gospaTerms }).nullable(),
  reports: z.strictObject({ total: count, falseAlarms: count }),
}) satisfies z.ZodType<RunRecord>;
