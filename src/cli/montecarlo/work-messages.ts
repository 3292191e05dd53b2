// The messages of a distributed Monte Carlo campaign on the bus (src/bus, subject
// `<root>.work.montecarlo` and a results subject per campaign under `<root>.work.`):
// a work item names one run of a campaign and carries the whole campaign (scenario
// text, base seed, variations as declared), so any worker can run it knowing nothing
// else; a result carries that run's record. Both are JSON; a work item from the bus is
// outside input and checked (zod) before anything runs.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CampaignSpec, RunRecord } from '../../analysis/montecarlo/campaign.ts';
import { describeVariation, parseVariations } from '../../analysis/montecarlo/variations.ts';
import { bytesText, jsonBytes } from '../../bus/message-bus.ts';
import type { Subjects } from '../../bus/subjects.ts';
import { InputError } from '../../scenario/input-error.ts';
import { scenarioErrorMap } from '../../scenario/issue-messages.ts';
import { issueProblems } from '../../scenario/issue-problems.ts';
import { MAX_SCENARIO_BYTES } from '../../scenario/load.ts';
import { runRecordSchema } from './run-record-schema.ts';

export const WORK_FORMAT = 'vigil-montecarlo-work/1';
export const RESULT_FORMAT = 'vigil-montecarlo-result/1';
/** Durable consumer the workers share: each work item goes to one of them. */
export const WORKERS_CONSUMER = 'montecarlo-workers';

const workSchema = z.strictObject({
  format: z.literal(WORK_FORMAT),
  campaignId: z.string().regex(/^[0-9a-f]{16}$/),
  /** The coordinator that published it: results carry it in their message ids. */
  coordinator: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  run: z.number().int().min(0),
  resultsSubject: z.string().regex(/^[a-z][a-z0-9_-]*\.work\.results\.[0-9a-f]{16}$/),
  campaign: z.strictObject({
    scenarioText: z.string().max(MAX_SCENARIO_BYTES),
    sourceName: z.string().min(1).max(500),
    baseSeed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    runs: z.number().int().min(1),
    variations: z.array(z.string()),
  }),
});

export type WorkItem = z.infer<typeof workSchema>;

export interface RunResult {
  format: typeof RESULT_FORMAT;
  campaignId: string;
  run: number;
  /** Who ran it (host:pid), for the record only. */
  worker: string;
  record: RunRecord;
}

/** Identity of a campaign: its scenario, base seed and variations (not its run count). */
export function campaignIdOf(spec: CampaignSpec): string {
  const key = JSON.stringify([
    spec.scenarioText,
    spec.sourceName,
    spec.baseSeed,
    spec.variations.map(describeVariation),
  ]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function resultsSubjectOf(subjects: Subjects, campaignId: string): string {
  return `${subjects.root}.work.results.${campaignId}`;
}

export function workItemBytes(
  spec: CampaignSpec,
  campaignId: string,
  coordinator: string,
  run: number,
  subjects: Subjects,
): Uint8Array {
  const item: WorkItem = {
    format: WORK_FORMAT,
    campaignId,
    coordinator,
    run,
    resultsSubject: resultsSubjectOf(subjects, campaignId),
    campaign: {
      scenarioText: spec.scenarioText,
      sourceName: spec.sourceName,
      baseSeed: spec.baseSeed,
      runs: spec.runs,
      variations: spec.variations.map(describeVariation),
    },
  };
  return jsonBytes(item);
}

/** Checks a work item; InputError (the message is bad: dead letter) when it is not one. */
export function decodeWorkItem(data: Uint8Array, subject: string): { item: WorkItem; spec: CampaignSpec } {
  let json: unknown;
  try {
    json = JSON.parse(bytesText(data));
  } catch {
    throw new InputError({ source: subject, path: [], message: 'a work item is a JSON object' });
  }
  const parsed = workSchema.safeParse(json, { error: scenarioErrorMap });
  if (!parsed.success) throw new InputError(issueProblems(parsed.error.issues, subject));
  const item = parsed.data;
  if (item.run >= item.campaign.runs)
    throw new InputError({
      source: subject,
      path: ['run'],
      message: `run ${item.run} of a ${item.campaign.runs}-run campaign`,
    });
  const spec: CampaignSpec = {
    scenarioText: item.campaign.scenarioText,
    sourceName: item.campaign.sourceName,
    baseSeed: item.campaign.baseSeed,
    runs: item.campaign.runs,
    variations: variationsOf(item.campaign.variations, subject),
  };
  if (campaignIdOf(spec) !== item.campaignId)
    throw new InputError({
      source: subject,
      path: ['campaignId'],
      message: 'does not match the campaign it carries',
    });
  return { item, spec };
}

/** The variations as declared; a bad one is located in the message, not at the `--vary` flag it came from. */
function variationsOf(declared: string[], subject: string): CampaignSpec['variations'] {
  try {
    return parseVariations(declared);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.problems.map((p) => ({ source: subject, path: ['campaign', 'variations'], message: p.message })),
    );
  }
}

export function resultBytes(result: RunResult): Uint8Array {
  return jsonBytes(result);
}

/** Message id of a work item: new for each coordinator, even of a campaign run before. */
export function workMsgId(campaignId: string, coordinator: string, run: number): string {
  return `work:${campaignId}:${coordinator}:${run}`;
}

/**
 * Message id of a run's result: the same for every copy of that run published for one
 * coordinator (the bus keeps one), new for another coordinator of the same campaign —
 * whose results the bus would otherwise drop as repeats of ones already taken. Work
 * items and results share a stream, hence one duplicate window: the prefixes keep
 * their ids apart.
 */
export function resultMsgId(item: WorkItem): string {
  return `result:${item.campaignId}:${item.coordinator}:${item.run}`;
}

/** A result from the campaign's own subject, or null when it is not one of this campaign's runs or its record is malformed. */
export function decodeResult(data: Uint8Array, campaignId: string, runs: number): RunResult | null {
  let r: RunResult;
  try {
    r = JSON.parse(bytesText(data)) as RunResult;
  } catch {
    return null;
  }
  if (typeof r !== 'object' || r === null) return null;
  if (r.format !== RESULT_FORMAT || r.campaignId !== campaignId) return null;
  if (!Number.isInteger(r.run) || r.run < 0 || r.run >= runs || r.record?.run !== r.run) return null;
  if (typeof r.worker !== 'string' || !runRecordSchema.safeParse(r.record).success) return null;
  return r;
}
