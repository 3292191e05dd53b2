// A run's stored steps published on the message bus (src/bus/README.md): each report on
// its sensor's subject exactly as an external feed would send it (report-schema.ts),
// each changed or dropped track and each changed alert with the run and step it
// belongs to, and notifications as they reach the centre. Message ids name the run and
// the thing's version, so a message published again (a retry whose first try was
// stored after all, a restart) is stored once within the stream's duplicate window.
// Report message ids start `run/` (a sensor id, and so a simulated report id, cannot
// contain '/'): a feed run's intake (feed-intake.ts) passes over runs' own reports.
//
// A step is stored before it is published, so a bus outage must not lose what the
// store holds: the publisher keeps the stored steps not yet acknowledged in a bounded
// backlog, publishes them in step order, and retries a step's unacknowledged messages
// with backoff until the bus takes them. The run waits for room (`room()`) before it
// computes another step, so a long outage holds the computation back at the limit
// instead of dropping steps or piling them up without bound.
import type { LiveStep } from '../../analysis/live/run-stepper.ts';
import { jsonBytes, type MessageBus } from '../../bus/message-bus.ts';
import type { RunLog } from './live-run.ts';

export const RUN_REPORT_MSG_PREFIX = 'run/';

/** Stored steps that may wait for the bus before the run stops computing (64 steps: 5 min 20 s of a run). */
export const DEFAULT_PUBLISH_BACKLOG = 64;
/** Wait before the first retry of a step, doubled up to RETRY_MAX_MS, ms. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 2000;
/** While the bus stays down, a reminder in the log at most this often, ms. */
const REMIND_EVERY_MS = 10_000;

interface Message {
  subject: string;
  body: unknown;
  msgId: string;
}

/** Every message of a stored step, with its fixed id. */
function stepMessages(bus: MessageBus, runId: string, step: LiveStep): Message[] {
  const s = bus.subjects;
  const t = step.timeS;
  return [
    ...step.reports.map((r) => ({
      subject: s.report(r.sensorId),
      body: r,
      msgId: `${RUN_REPORT_MSG_PREFIX}${runId}/${r.id}`,
    })),
    ...step.tracks.map((track) => ({
      subject: s.tracks,
      body: { runId, timeS: t, track },
      msgId: `${runId}:track:${track.id}@${t}`,
    })),
    ...step.droppedTrackIds.map((id) => ({
      subject: s.tracks,
      body: { runId, timeS: t, droppedTrackId: id },
      msgId: `${runId}:track:${id}@${t}:dropped`,
    })),
    ...step.alerts.map((alert) => ({
      subject: s.alerts,
      body: { runId, timeS: t, alert },
      msgId: `${runId}:alert:${alert.id}@${t}`,
    })),
    ...step.notifications.map((notification) => ({
      subject: s.notifications,
      body: { runId, notification },
      msgId: `${runId}:notification:${notification.id}`,
    })),
  ];
}

/** How the run's publication stands, for its view. */
export interface PublicationState {
  /** Stored steps whose messages the bus has not all acknowledged yet. */
  unpublishedSteps: number;
  /** The most that may wait; at the limit the run waits for the bus before computing on. */
  limit: number;
  /** Publication tries that failed and were retried, since the run was loaded. */
  failedTries: number;
}

export interface StepPublisherOptions {
  bus: MessageBus;
  runId: string;
  log: RunLog;
  limit: number;
  /** Called when the publication state changes in a way worth showing (a failure, full, caught up). */
  onChange: () => void;
}

interface Pending {
  timeS: number;
  /** The step's messages the bus has not acknowledged yet. */
  messages: Message[];
}

export class StepPublisher {
  private readonly options: StepPublisherOptions;
  private readonly backlog: Pending[] = [];
  private failedTries = 0;
  /** Failed tries of the step at the head of the backlog, since it last made progress. */
  private headTries = 0;
  /** A try failed since the backlog was last empty. */
  private troubled = false;
  private lastReminderMs = 0;
  private pumping: Promise<void> | null = null;
  private stopped = false;
  private wakeRetry: (() => void) | null = null;
  private readonly roomWaiters: Array<() => void> = [];

  constructor(options: StepPublisherOptions) {
    this.options = options;
  }

  get state(): PublicationState {
    return {
      unpublishedSteps: this.backlog.length,
      limit: this.options.limit,
      failedTries: this.failedTries,
    };
  }

  /** Resolves once another step may be stored: the backlog is below its limit (or the publisher stopped). */
  room(): Promise<void> {
    if (this.backlog.length < this.options.limit || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** A step just stored: published after those before it, retried until acknowledged. */
  add(step: LiveStep): void {
    const messages = stepMessages(this.options.bus, this.options.runId, step);
    if (messages.length === 0 || this.stopped) return;
    this.backlog.push({ timeS: step.timeS, messages });
    if (this.backlog.length === this.options.limit && this.troubled) {
      this.options.log.warn(
        { runId: this.options.runId, publication: this.state },
        `bus backlog full (${this.options.limit} steps): the run waits for the bus`,
      );
      this.options.onChange();
    }
    this.pumping ??= this.pump().finally(() => {
      this.pumping = null;
    });
  }

  /**
   * Waits (at most `graceMs`) for the backlog to be published, then stops: what is still
   * unpublished is logged as lost to the bus (the store keeps it). Resolves to that count.
   */
  async close(graceMs: number): Promise<number> {
    if (this.pumping) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.pumping, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
      clearTimeout(timer);
    }
    this.stopped = true;
    this.wakeRetry?.();
    await this.pumping;
    const left = this.backlog.length;
    if (left > 0)
      this.options.log.error(
        { runId: this.options.runId, publication: this.state, fromS: this.backlog[0]!.timeS },
        `${left} stored step${left === 1 ? '' : 's'} not published on the bus: it did not acknowledge them before the run was closed`,
      );
    for (const wake of this.roomWaiters.splice(0)) wake();
    return left;
  }

  private async pump(): Promise<void> {
    while (this.backlog.length > 0 && !this.stopped) {
      const head = this.backlog[0]!;
      const failed = await this.publish(head.messages);
      if (failed.messages.length === 0) {
        this.backlog.shift();
        this.headTries = 0;
        if (this.troubled && this.backlog.length === 0) this.caughtUp(head.timeS);
        for (const wake of this.roomWaiters.splice(0)) wake();
        continue;
      }
      // Only what the bus did not take is tried again, so a partly published step makes progress.
      if (failed.messages.length < head.messages.length) this.headTries = 0;
      head.messages = failed.messages;
      this.failed(head.timeS, failed.error);
      await this.retryWait(Math.min(RETRY_FIRST_MS * 2 ** this.headTries, RETRY_MAX_MS));
      this.headTries++;
    }
  }

  private async publish(messages: Message[]): Promise<{ messages: Message[]; error: unknown }> {
    const { bus } = this.options;
    const results = await Promise.allSettled(
      messages.map((m) => bus.publish(m.subject, jsonBytes(m.body), { msgId: m.msgId })),
    );
    const failed = messages.filter((_, i) => results[i]!.status === 'rejected');
    const error = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason;
    return { messages: failed, error };
  }

  private failed(timeS: number, err: unknown): void {
    const first = !this.troubled;
    this.troubled = true;
    this.failedTries++;
    const now = performance.now();
    if (!first && now - this.lastReminderMs < REMIND_EVERY_MS) return;
    this.lastReminderMs = now;
    this.options.log.warn(
      { err, runId: this.options.runId, timeS, publication: this.state },
      first
        ? 'could not publish a stored step on the bus: retrying until it is acknowledged'
        : 'the bus still does not acknowledge the stored steps: retrying',
    );
    if (first) this.options.onChange();
  }

  private caughtUp(timeS: number): void {
    this.troubled = false;
    this.options.log.info(
      { runId: this.options.runId, timeS, publication: this.state },
      'the bus acknowledged every stored step again',
    );
    this.options.onChange();
  }

  private retryWait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeRetry = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeRetry = done;
    });
  }
}
