// A feed run's intake (issue 6): a durable consumer, named after the run, on every
// sensor's report subject. Each external report is decoded (decode-report.ts) and
// offered to the run's bounded queue (feed-queue.ts), where it waits for its step; a
// malformed one is refused with the reason and goes to the dead-letter subject, and
// the run goes on. Two kinds of message on those subjects are not the feed's and are
// passed over: the reports runs publish themselves (message ids starting `run/`,
// step-publisher.ts) — else a run would take its own or another run's reports back —
// and what the bus held from before the run was created.
//
// The queue is acknowledged on the bus when a report enters it: reports waiting for
// their step when the service stops are lost with the queue (the counts say how many
// were waiting; a restarted run counts afresh).
import { createHash } from 'node:crypto';
import { setImmediate as yieldTurn } from 'node:timers/promises';
import { FED_ID_PREFIX, type FeedCounts, type FeedQueue } from '../../analysis/live/feed-queue.ts';
import { decodeReportMessage } from '../../bus/decode-report.ts';
import type { BusMessage, MessageBus, Subscription } from '../../bus/message-bus.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { SensorReport } from '../../sensors/report.ts';
import { RUN_REPORT_MSG_PREFIX } from './step-publisher.ts';

/** Longest the intake works through a flood before letting other work in, ms. */
const SLICE_MS = 10;

/** Longest a report id from a feed may be: the run stores it as `feed/<id>`, a report id of at most 200. */
const MAX_FED_ID = 200 - FED_ID_PREFIX.length;

/**
 * The durable consumer's name: the run id where it is a valid name (no '.'), with a
 * hash of the id so that two run ids that differ only there do not share one.
 */
export function feedConsumerName(runId: string): string {
  const hash = createHash('sha256').update(runId).digest('hex').slice(0, 8);
  return `feed-${runId.replace(/[^A-Za-z0-9_-]/g, '_')}-${hash}`;
}

export interface FeedIntakeOptions {
  bus: MessageBus;
  runId: string;
  /** When the run was created, ms since the Unix epoch: the bus's older messages are not its feed. */
  sinceMs: number;
  queue: FeedQueue;
  /** Told the counts when they changed, at most every `reportEveryMs`. */
  onChange: (counts: FeedCounts) => void;
  reportEveryMs?: number;
}

export class FeedIntake {
  readonly consumer: string;
  private readonly options: FeedIntakeOptions;
  private subscription: Subscription | null = null;
  private sliceStart = performance.now();
  private timer: NodeJS.Timeout | null = null;

  private constructor(options: FeedIntakeOptions) {
    this.options = options;
    this.consumer = feedConsumerName(options.runId);
  }

  static async open(options: FeedIntakeOptions): Promise<FeedIntake> {
    const intake = new FeedIntake(options);
    intake.subscription = await options.bus.consume(options.bus.subjects.allReports, intake.consumer, (m) =>
      intake.handle(m),
    );
    return intake;
  }

  get counts(): FeedCounts {
    return this.options.queue.counts;
  }

  /** The waiting reports timed up to the step at `stepS`, for that step (feed-queue.ts). */
  take(stepS: number): SensorReport[] {
    const due = this.options.queue.take(stepS);
    this.changed();
    return due;
  }

  /** Stops taking reports (the durable consumer keeps its place) and reports the counts a last time. */
  async close(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.close();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.options.onChange(this.counts);
    }
  }

  private async handle(m: BusMessage): Promise<void> {
    // A flood arrives as one long chain of already-resolved deliveries: let the
    // service's other work (HTTP, the run's own steps) in between.
    if (performance.now() - this.sliceStart > SLICE_MS) {
      await yieldTurn();
      this.sliceStart = performance.now();
    }
    if (m.msgId.startsWith(RUN_REPORT_MSG_PREFIX) || m.publishedAtMs < this.options.sinceMs) return;
    const queue = this.options.queue;
    try {
      const report = decodeReportMessage(m.data, m.subject);
      if (report.id.length > MAX_FED_ID)
        throw new InputError({
          source: m.subject,
          path: ['id'],
          message: `a fed report's id is at most ${MAX_FED_ID} characters (the run keeps it as '${FED_ID_PREFIX}<id>'); got ${report.id.length}`,
        });
      queue.offer(report);
    } catch (err) {
      if (err instanceof InputError) queue.malformed();
      throw err;
    } finally {
      this.changed();
    }
  }

  private changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.options.onChange(this.counts);
    }, this.options.reportEveryMs ?? 1000);
  }
}
