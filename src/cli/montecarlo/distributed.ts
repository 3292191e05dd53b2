// Distributed Monte Carlo over NATS JetStream (issue 8, DESIGN.md §6):
// - the coordinator (`vigil montecarlo … --bus`) publishes one work item per run to the
//   work queue and takes the results from its campaign's results subject;
// - a worker (`vigil worker --bus`, any number, on any machine) takes a work item, runs
//   it, publishes the result, and only when the bus has stored the result does its
//   handler return, so the work item is acknowledged only then. A worker killed mid-run
//   never acknowledges: the item comes back after the ack wait and another worker runs
//   it. A run done twice (killed after publishing, before acknowledging) gives the same
//   record under the same message id (work-messages.ts resultMsgId): the bus drops the
//   copy within its duplicate window, and the coordinator keeps one record per run index
//   whatever arrives.
// Work items are released a window at a time (more as results come in), so a worker
// that pulls a batch holds only a few items at once, not the whole campaign.
import { hostname } from 'node:os';
import type { CampaignSpec, RunRecord } from '../../analysis/montecarlo/campaign.ts';
import {
  type PreparedCampaign,
  prepareCampaign,
  runCampaignRun,
} from '../../analysis/montecarlo/campaign.ts';
import type { MessageBus } from '../../bus/message-bus.ts';
import {
  campaignIdOf,
  decodeResult,
  decodeWorkItem,
  resultBytes,
  resultMsgId,
  resultsSubjectOf,
  WORKERS_CONSUMER,
  workItemBytes,
  workMsgId,
} from './work-messages.ts';

/** Work items released ahead of the results [E]: a few per worker for a handful of workers. */
export const WORK_WINDOW = 8;

export interface DistributedOptions {
  signal?: AbortSignal;
  onResult?: (index: number, record: RunRecord) => void;
}

/** Publishes the campaign's runs and collects their records (all, or those done before the signal). */
export async function coordinateCampaign(
  bus: MessageBus,
  spec: CampaignSpec,
  options: DistributedOptions = {},
): Promise<{ results: Map<number, RunRecord>; aborted: boolean }> {
  const campaignId = campaignIdOf(spec);
  // Each coordinator's items and results are new messages, even for a campaign run before.
  const coordinator = `${process.pid}-${Date.now().toString(36)}`;
  const results = new Map<number, RunRecord>();
  let released = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const release = async (upTo: number) => {
    while (released < Math.min(upTo, spec.runs)) {
      const run = released++;
      await bus.publish(
        bus.subjects.monteCarloWork,
        workItemBytes(spec, campaignId, coordinator, run, bus.subjects),
        {
          msgId: workMsgId(campaignId, coordinator, run),
        },
      );
    }
  };
  const subscription = await bus.consume(
    resultsSubjectOf(bus.subjects, campaignId),
    `montecarlo-results-${campaignId}`,
    async (message) => {
      const r = decodeResult(message.data, campaignId, spec.runs);
      if (!r || results.has(r.run)) return;
      results.set(r.run, r.record);
      options.onResult?.(r.run, r.record);
      if (results.size === spec.runs) done();
      else await release(results.size + WORK_WINDOW);
    },
  );
  const aborted = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  try {
    await release(WORK_WINDOW);
    await Promise.race([finished, aborted]);
  } finally {
    await subscription.close();
  }
  return { results, aborted: results.size < spec.runs };
}

export interface WorkerOptions {
  signal?: AbortSignal;
  /** How long a taken item may go unacknowledged before it is handed out again, ms. */
  ackWaitMs: number;
  onRun?: (campaignId: string, run: number, ms: number) => void;
}

/** Takes work items and runs them until the signal; resolves when stopped. */
export async function serveWork(bus: MessageBus, options: WorkerOptions): Promise<void> {
  const worker = `${hostname()}:${process.pid}`;
  const prepared = new Map<string, PreparedCampaign>();
  const subscription = await bus.consume(
    bus.subjects.monteCarloWork,
    WORKERS_CONSUMER,
    async (message) => {
      const { item, spec } = decodeWorkItem(message.data, message.subject);
      let campaign = prepared.get(item.campaignId);
      if (!campaign) {
        campaign = prepareCampaign(spec);
        prepared.clear();
        prepared.set(item.campaignId, campaign);
      }
      const t0 = performance.now();
      const record = runCampaignRun(campaign, item.run);
      await bus.publish(
        item.resultsSubject,
        resultBytes({
          format: 'vigil-montecarlo-result/1',
          campaignId: item.campaignId,
          run: item.run,
          worker,
          record,
        }),
        { msgId: resultMsgId(item) },
      );
      options.onRun?.(item.campaignId, item.run, performance.now() - t0);
    },
    { ackWaitMs: options.ackWaitMs },
  );
  await new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
    subscription.closed.then(resolve, resolve);
  });
  await subscription.close();
}
