// Runs over the API: starting one (scenario version, seed, batch or paced, with or
// without an external report feed), its clock (the time shown, playing or not, how
// fast), and controlling it.
import { z } from 'zod';
import { DEFAULT_FEED_QUEUE_LIMIT } from '../../analysis/live/feed-queue.ts';
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

/** Largest feed queue a run may ask for, reports. */
export const MAX_FEED_QUEUE_LIMIT = 1_000_000;

export const startRunBody = z
  .strictObject({
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
    feed: z.boolean().default(false).meta({
      description:
        "Also take external reports published on the bus's report subjects (src/bus/README.md), each in the step its time falls in.",
    }),
    feedQueueLimit: z
      .int()
      .min(1)
      .max(MAX_FEED_QUEUE_LIMIT)
      .optional()
      .meta({
        description: `Most fed reports waiting for their step (default ${DEFAULT_FEED_QUEUE_LIMIT}); beyond it they are dropped and counted. Only with feed: true.`,
      }),
  })
  .refine((b) => b.feed || b.feedQueueLimit === undefined, {
    path: ['feedQueueLimit'],
    error: 'a feed queue limit needs feed: true',
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

const count = z.int().min(0);
export const feedCountsSchema = z
  .object({
    received: count.meta({ description: 'Feed messages taken from the bus for this run.' }),
    accepted: count.meta({ description: 'Reports queued for the step their time falls in.' }),
    fed: count.meta({ description: 'Reports given to the centre with their step (and stored).' }),
    queued: count.meta({ description: 'Reports waiting for their step now.' }),
    maxQueued: count.meta({ description: 'The most that waited at once (never above queueLimit).' }),
    queueLimit: count,
    late: count.meta({ description: 'Timed at or before a step already computed: not used.' }),
    afterEnd: count.meta({ description: "Timed after the run's end: not used." }),
    duplicate: count.meta({ description: 'With the id of a report still waiting: not used again.' }),
    malformed: count.meta({
      description: 'Refused by the decoder, sent to the dead-letter subject with the reason.',
    }),
    dropped: count.meta({ description: 'Arrived while the queue was full: not used.' }),
  })
  .meta({
    id: 'FeedCounts',
    description:
      'What became of the external reports since the service loaded the run: received = accepted + late + afterEnd + duplicate + malformed + dropped.',
  });

export const publicationSchema = z
  .object({
    unpublishedSteps: count.meta({
      description:
        'Stored steps whose messages the bus has not all acknowledged yet (retried until it does).',
    }),
    limit: count.meta({
      description: 'The most that may wait: at the limit the run waits for the bus before computing on.',
    }),
    failedTries: count.meta({ description: 'Publication tries that failed and were retried.' }),
  })
  .meta({ id: 'Publication', description: "The run's stored steps on their way to the message bus." });

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
    // Optional for clients written before it; the service always says.
    publication: publicationSchema.optional(),
    feed: feedCountsSchema.optional().meta({ description: 'Only for a run with an external feed.' }),
  })
  .meta({ id: 'Run' });
