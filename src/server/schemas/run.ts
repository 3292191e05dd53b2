// Runs over the API: starting one (scenario version, seed, batch or paced), its
// clock (the time shown, playing or not, how fast), and controlling it.
import { z } from 'zod';
import { MAX_SEED } from '../../scenario/schema.ts';
import { RUN_STATUSES } from '../../store/records.ts';
import { isoInstant, recordName } from './common.ts';

export const RUN_MODES = ['paced', 'batch'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/** Fastest pace, × real time. */
export const MAX_PACE = 10_000;

const pace = z
  .number()
  .gt(0)
  .max(MAX_PACE)
  .meta({ description: `Simulation seconds per wall-clock second (paced mode), up to ${MAX_PACE}.` });
const mode = z
  .enum(RUN_MODES)
  .meta({ description: 'paced: at real time × pace; batch: as fast as the machine goes.' });

export const startRunBody = z.strictObject({
  scenario: recordName.meta({ description: 'Name of a stored scenario.' }),
  version: z.int().min(1).optional().meta({ description: 'Its version (default: the newest).' }),
  seed: z
    .int()
    .min(0)
    .max(MAX_SEED)
    .optional()
    .meta({ description: "Random seed (default: the scenario's)." }),
  mode: mode.default('paced'),
  pace: pace.default(1),
  paused: z.boolean().default(false).meta({ description: 'Create the run paused at its start.' }),
  id: recordName.optional().meta({ description: 'Run id (default: a random UUID).' }),
});
export type StartRunBody = z.output<typeof startRunBody>;

export const resumeBody = z.strictObject({ mode: mode.optional(), pace: pace.optional() });

export const seekBody = z.strictObject({
  timeS: z.number().min(0).meta({ description: 'Simulation time to show, s after the epoch.' }),
});

export const runsQuery = z.strictObject({
  status: z.enum(RUN_STATUSES).optional(),
  scenario: recordName.optional(),
});

export const clockSchema = z
  .object({
    timeS: z.number().meta({ description: 'The simulation time shown (at most the stored progress).' }),
    playing: z.boolean(),
    mode,
    pace: z.number(),
  })
  .meta({ id: 'Clock', description: 'The run clock everyone watching the run shares.' });

export const runViewSchema = z
  .object({
    id: z.string(),
    scenarioName: z.string(),
    scenarioVersion: z.int(),
    seed: z.int(),
    parameters: z.record(z.string(), z.unknown()).meta({ description: 'How the run was asked for.' }),
    status: z.enum(RUN_STATUSES).meta({
      description:
        'queued → running ⇄ paused → finished | failed: where the computation of the run stands (replaying stored steps does not change it).',
    }),
    statusReason: z.string().nullable(),
    progressS: z.number().nullable().meta({ description: 'Time of the last stored step.' }),
    createdAt: isoInstant,
    updatedAt: isoInstant,
    epoch: isoInstant.meta({ description: 'The scenario epoch: simulation time 0.' }),
    durationS: z.number(),
    stepS: z.number().meta({ description: 'Simulation time between steps.' }),
    clock: clockSchema,
  })
  .meta({ id: 'Run' });
