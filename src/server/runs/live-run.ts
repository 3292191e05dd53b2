// One run in the service: its clock and its computation. The computation steps the
// centre (RunStepper) and writes each step to the store in one transaction, then
// publishes it on the bus and tells listeners what changed; the stored steps are the
// run's record, and the progress they reach is its frontier. The clock is the time
// everyone watching is shown: it plays in batch (as fast as possible) or paced (real
// time × pace), pauses, and seeks anywhere — behind the frontier the picture is read
// back from the store (replay) and played forward step by step until it meets the
// frontier, where computing takes over again; a seek ahead of the frontier computes
// the steps in between first.
//
// A run rebuilt after a stop (a restart, a notification added) steps its centre again
// silently to the frontier and checks that it holds exactly the stored alerts before
// it goes on; one that does not is marked failed rather than continued wrongly.
//
// A step the store could not confirm (its connection dropped while committing, or
// failed for a while) is not the end of the run: it reads the stored progress back —
// the step is there, or it is written again — a bounded number of times before
// the run is marked failed. Stored steps go to the bus through the step publisher,
// retried until acknowledged; when its bounded backlog is full the run waits for the
// bus before computing on.
//
// A run started with `feed: true` also takes external reports from the bus
// (feed-intake.ts): each waits in a bounded queue for the step its time falls in and
// is stored with that step like a simulated one, so a rebuilt run reads them back
// from the store, never from the bus. What became of them is in the run's view.
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldTurn } from 'node:timers/promises';
import {
  DEFAULT_FEED_QUEUE_LIMIT,
  FED_ID_PREFIX,
  type FeedCounts,
  FeedQueue,
} from '../../analysis/live/feed-queue.ts';
import { type LiveStep, RunStepper } from '../../analysis/live/run-stepper.ts';
import { SensorTally, sensorStatuses } from '../../analysis/live/sensor-status.ts';
import { ASSESS_EVERY_S } from '../../analysis/run-centre.ts';
import { type AlertSummary, round } from '../../analysis/summary.ts';
import type { MessageBus } from '../../bus/message-bus.ts';
import { canonicalJson } from '../../centre/audit/canonical-json.ts';
import { InputError } from '../../scenario/input-error.ts';
import type { EventStore } from '../../store/event-store.ts';
import type {
  NotificationRecord,
  OperatorAction,
  OperatorActionKind,
  RunRecord,
  RunStatus,
} from '../../store/records.ts';
import { StoreError } from '../../store/store-error.ts';
import type { Principal } from '../auth/roles.ts';
import { RUN_MODES, type RunMode } from '../schemas/run.ts';
import { AuditChain } from './audit-chain.ts';
import { FeedIntake } from './feed-intake.ts';
import { Mutex } from './mutex.ts';
import { OperatorLedger } from './operator-ledger.ts';
import { readPicture } from './picture-reader.ts';
import { ReportIndex } from './report-index.ts';
import type { Picture, RunEvent, RunView, SnapshotReason } from './run-events.ts';
import { loadRunSetup, type RunSetup } from './run-setup.ts';
import { type CheckedScenarios, checkAddedNotification } from './scenario-check.ts';
import { StepPublisher } from './step-publisher.ts';

/** The reason a run paused by a stopping service carries; such runs go on when it starts again. */
export const SHUTDOWN_REASON = 'the service stopped; the run goes on when it starts again';

/** Longest stretch of silent rebuilding or seeking before letting other work in, ms. */
const SLICE_MS = 20;
/** Writes of one step before the run fails, the stored progress read back between them. */
const STEP_WRITE_ATTEMPTS = 5;
/** Wait before reading the progress back after a failed write, doubled each time, ms. */
const STEP_RETRY_FIRST_MS = 200;
/** How long a closing run waits for the bus to take its unpublished steps, ms. */
const PUBLISH_GRACE_MS = 10_000;

export interface RunLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LiveRunDeps {
  store: EventStore;
  bus: MessageBus;
  log: RunLog;
  emit: (event: RunEvent) => void;
  scenarios: CheckedScenarios;
  /** Wall-clock interval of clock ticks in paced mode, ms. */
  tickMs: number;
  /** Stored steps that may wait for the bus before the run waits for it (step-publisher.ts). */
  publishBacklog: number;
}

const ENDED: readonly RunStatus[] = ['finished', 'failed'];

function byFirstTime(a: AlertSummary, b: AlertSummary): number {
  return a.timeS - b.timeS || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function modeOf(parameters: Record<string, unknown>): RunMode {
  const m = parameters['mode'];
  return RUN_MODES.includes(m as RunMode) ? (m as RunMode) : 'paced';
}

function paceOf(parameters: Record<string, unknown>): number {
  const p = parameters['pace'];
  return typeof p === 'number' && p > 0 ? p : 1;
}

/** The queue bound of a run with an external feed, or null for a run without one. */
function feedQueueLimitOf(parameters: Record<string, unknown>): number | null {
  if (parameters['feed'] !== true) return null;
  const limit = parameters['feedQueueLimit'];
  return typeof limit === 'number' && Number.isInteger(limit) && limit >= 1
    ? limit
    : DEFAULT_FEED_QUEUE_LIMIT;
}

/** Whether two notifications say the same, whenever each reached the centre. */
function sameNotification(a: unknown, b: unknown): boolean {
  const said = (m: unknown) => {
    const { delivered: _d, deliveredAt: _a, ...rest } = m as Record<string, unknown>;
    return canonicalJson(rest);
  };
  return said(a) === said(b);
}

/** The feed's losses, for the log: a change in any of them is worth a warning. */
function lossesOf(c: FeedCounts): string {
  return `${c.late}/${c.afterEnd}/${c.duplicate}/${c.malformed}/${c.dropped}`;
}

export class LiveRun {
  readonly id: string;
  readonly mutex = new Mutex();
  private record: RunRecord;
  private setup: RunSetup;
  private readonly deps: LiveRunDeps;
  private readonly ledger: OperatorLedger;
  private readonly chain: AuditChain;
  private readonly reportIndex: ReportIndex;
  private stepper: RunStepper | null = null;
  /** The external feed's intake while the run can still compute; its last counts after. */
  private feed: FeedIntake | null = null;
  private feedCounts: FeedCounts | null = null;
  private loggedLosses = '';
  /** The stored steps on their way to the bus. */
  private readonly publisher: StepPublisher;
  /** Reports received up to the frontier, per sensor: kept while computing, for the stream's sensor statuses. */
  private tally = new SensorTally();
  private flagged = new Set<string>();
  private sentStatus = new Map<string, string>();
  /** Time of the picture shown, and of the clock (between pictures while paced). */
  private pictureS: number;
  private clockS: number;
  private playing = false;
  private mode: RunMode;
  private pace: number;
  private anchorWallMs = 0;
  private anchorSimS = 0;
  private wake: (() => void) | null = null;
  private closed = false;
  /** Resolves when close() begins: a wait for room on the bus gives way to it. */
  private readonly closing: Promise<void>;
  private beginClose: () => void = () => undefined;
  private readonly loopDone: Promise<void>;

  private constructor(deps: LiveRunDeps, record: RunRecord, setup: RunSetup, ledger: OperatorLedger) {
    this.deps = deps;
    this.id = record.id;
    this.record = record;
    this.setup = setup;
    this.ledger = ledger;
    this.chain = new AuditChain(deps.store, record.id);
    this.reportIndex = new ReportIndex(deps.store, record.id);
    this.pictureS = this.clockS = record.progressS ?? 0;
    this.mode = modeOf(record.parameters);
    this.pace = paceOf(record.parameters);
    this.publisher = new StepPublisher({
      bus: deps.bus,
      runId: record.id,
      log: deps.log,
      limit: deps.publishBacklog,
      onChange: () => this.emitRun(),
    });
    this.closing = new Promise((resolve) => (this.beginClose = resolve));
    this.loopDone = this.loop();
  }

  static async load(deps: LiveRunDeps, record: RunRecord): Promise<LiveRun> {
    const setup = await loadRunSetup(deps.store, deps.scenarios, record);
    const ledger = new OperatorLedger(await deps.store.listOperatorActions(record.id));
    const run = new LiveRun(deps, record, setup, ledger);
    const queueLimit = feedQueueLimitOf(record.parameters);
    if (queueLimit !== null && !ENDED.includes(record.status)) await run.openFeed(queueLimit);
    return run;
  }

  get status(): RunStatus {
    return this.record.status;
  }

  get network() {
    return this.setup.network;
  }

  private get sensors() {
    return this.setup.network.sensors;
  }

  get scenario() {
    return this.setup.scenario;
  }

  private get frontierS(): number {
    return this.record.progressS ?? 0;
  }

  private get durationS(): number {
    return this.setup.scenario.durationS;
  }

  view(): RunView {
    return {
      ...this.record,
      epoch: this.setup.scenario.epochIso,
      durationS: this.durationS,
      stepS: ASSESS_EVERY_S,
      clock: { timeS: round(this.clockNow(), 3), playing: this.playing, mode: this.mode, pace: this.pace },
      publication: this.publisher.state,
      ...(this.feedCounts ? { feed: { ...this.feedCounts } } : {}),
    };
  }

  picture(timeS: number): Promise<Picture> {
    return readPicture(
      this.deps.store,
      this.record,
      this.durationS,
      this.sensors,
      this.ledger,
      this.reportIndex,
      timeS,
    );
  }

  /**
   * Hands `deliver` the picture now shown, between steps: nothing this run emits can
   * come between the read and the delivery.
   */
  snapshot(deliver: (picture: Picture) => void): Promise<void> {
    return this.mutex.run(async () => deliver(await this.picture(this.pictureS)));
  }

  /** What operators have done to an alert, as of tS. */
  operatorView(alert: AlertSummary, tS: number) {
    return this.ledger.view(alert, tS);
  }

  // --- control ---

  /** Plays the clock: starts or resumes the computation, or replays up to the frontier of an ended run. */
  play(options: { mode?: RunMode; pace?: number } = {}): Promise<RunView> {
    return this.mutex.run(async () => {
      if (this.closed) throw new StoreError('conflict', `run '${this.id}' is being closed`);
      const ended = ENDED.includes(this.status);
      if (ended && this.pictureS >= this.frontierS)
        throw new StoreError(
          'conflict',
          `run '${this.id}' is ${this.status} and shown at its end: seek back to replay it`,
        );
      this.clockS = this.clockNow();
      if (options.mode) this.mode = options.mode;
      if (options.pace) this.pace = options.pace;
      if (this.status === 'queued' || this.status === 'paused') await this.setStatus('running', null);
      this.playing = true;
      this.anchor();
      this.wake?.();
      this.emitRun();
      return this.view();
    });
  }

  pause(actor: Principal | null): Promise<RunView> {
    return this.mutex.run(async () => {
      this.clockS = this.clockNow();
      this.playing = false;
      this.wake?.();
      if (this.status === 'running') await this.setStatus('paused', actor ? `paused by ${actor.name}` : null);
      else this.emitRun();
      return this.view();
    });
  }

  /** Holds a new run at its start. */
  hold(actor: Principal): Promise<RunView> {
    return this.mutex.run(async () => {
      await this.setStatus('paused', `created paused by ${actor.name}`, ['queued']);
      return this.view();
    });
  }

  stop(actor: Principal): Promise<RunView> {
    return this.mutex.run(async () => {
      if (ENDED.includes(this.status))
        throw new StoreError('conflict', `run '${this.id}' is already ${this.status}`);
      this.clockS = this.clockNow();
      this.playing = false;
      this.wake?.();
      this.stepper = null;
      await this.setStatus('finished', `stopped by ${actor.name} at ${round(this.frontierS, 3)} s`);
      await this.closeFeed();
      return this.view();
    });
  }

  seek(timeS: number): Promise<RunView> {
    return this.mutex.run(async () => {
      const target = Math.min(timeS, this.durationS);
      if (target > this.frontierS && !ENDED.includes(this.status)) {
        await this.computing(async () => {
          let slice = performance.now();
          while (this.frontierS < target && this.stepper?.done !== true && !this.closed) {
            await this.computeStep(false);
            if (performance.now() - slice > SLICE_MS) {
              await yieldTurn();
              slice = performance.now();
            }
          }
        });
      }
      this.pictureS = this.clockS = Math.min(target, this.frontierS);
      this.anchor();
      this.wake?.();
      await this.emitSnapshot('seek');
      this.emitRun();
      return this.view();
    });
  }

  /**
   * Stops the clock for a stopping service (a running run is paused to go on at the
   * next start), then gives the bus a while to take the stored steps not yet published.
   */
  close(): Promise<void> {
    // At once, not behind the mutex: a step waiting there for the bus gives way.
    this.closed = true;
    this.beginClose();
    return this.mutex
      .run(async () => {
        this.playing = false;
        if (this.status === 'running') {
          try {
            await this.setStatus('paused', SHUTDOWN_REASON);
          } catch (err) {
            this.deps.log.error({ err, runId: this.id }, 'could not mark the run paused');
          }
        }
        this.wake?.();
      })
      .then(() => this.loopDone)
      .then(() => this.closeFeed())
      .then(async () => {
        await this.publisher.close(PUBLISH_GRACE_MS);
      });
  }

  // --- the external feed ---

  private async openFeed(queueLimit: number): Promise<void> {
    const queue = new FeedQueue(queueLimit, this.durationS, this.record.progressS);
    this.feedCounts = queue.counts;
    this.feed = await FeedIntake.open({
      bus: this.deps.bus,
      runId: this.id,
      sinceMs: Date.parse(this.record.createdAt),
      queue,
      onChange: (counts) => this.feedChanged(counts),
    });
    this.deps.log.info(
      { runId: this.id, consumer: this.feed.consumer, queueLimit },
      'run takes external reports from the bus',
    );
  }

  /** Stops taking external reports: the run has ended, or the service is stopping. */
  private async closeFeed(): Promise<void> {
    const feed = this.feed;
    this.feed = null;
    if (!feed) return;
    await feed.close();
    const c = feed.counts;
    this.deps.log.info(
      { runId: this.id, feed: { ...c } },
      c.queued === 0
        ? 'run stopped taking external reports'
        : `run stopped taking external reports; ${c.queued} waiting for their step are not used`,
    );
  }

  private feedChanged(counts: FeedCounts): void {
    const losses = lossesOf(counts);
    const entry = { runId: this.id, feed: { ...counts } };
    if (losses !== this.loggedLosses)
      this.deps.log.warn(entry, 'external reports not used (late/afterEnd/duplicate/malformed/dropped)');
    else this.deps.log.info(entry, 'external reports');
    this.loggedLosses = losses;
    this.emitRun();
  }

  // --- what people add ---

  operatorAction(
    kind: OperatorActionKind,
    alertId: string | null,
    actor: Principal,
    text: string | null,
  ): Promise<OperatorAction> {
    return this.mutex.run(async () => {
      const t = round(this.clockNow(), 3);
      let alert: AlertSummary | null = null;
      if (alertId !== null) {
        alert = (await this.deps.store.alertsAt(this.id, t)).find((a) => a.id === alertId) ?? null;
        if (!alert) {
          if ((await this.deps.store.alertHistory(this.id, alertId)).length === 0)
            throw new StoreError('not-found', `no alert '${alertId}' in run '${this.id}'`);
          throw new StoreError('conflict', `alert '${alertId}' is not raised yet at ${t} s, the time shown`);
        }
        const state = this.ledger.stateOf(alert, t);
        if (kind === 'acknowledge' && state.acknowledged)
          throw new StoreError(
            'conflict',
            `alert '${alertId}' is already acknowledged at its level by ${state.acknowledgedBy}`,
          );
      }
      const id = randomUUID();
      const on = alert ? `alert ${alert.id} (${alert.level})` : `run ${this.id}`;
      const words =
        kind === 'acknowledge' ? `${on} acknowledged by ${actor.name}` : `Comment by ${actor.name} on ${on}`;
      const audit = await this.chain.seal([
        {
          timeS: t,
          kind: 'operator-action',
          text: text
            ? `${words[0]!.toUpperCase()}${words.slice(1)}: ${text}`
            : `${words[0]!.toUpperCase()}${words.slice(1)}`,
          data: {
            actionId: id,
            action: kind,
            alertId,
            level: alert ? alert.level : null,
            actor: actor.name,
            text,
          },
        },
      ]);
      let stored: OperatorAction;
      try {
        stored = await this.deps.store.recordOperatorAction(
          { id, runId: this.id, alertId, kind, actor: actor.name, text, timeS: t },
          audit,
        );
      } catch (err) {
        this.chain.forget();
        throw err;
      }
      this.chain.advance(audit);
      this.ledger.add(stored);
      this.deps.emit({
        type: 'action',
        runId: this.id,
        action: stored,
        alert: alert ? this.ledger.view(alert, t) : null,
      });
      return stored;
    });
  }

  /** Adds a notification (the scenario file's form, checked) that reaches the centre after the frontier. */
  addNotification(message: { id: string }): Promise<NotificationRecord> {
    return this.mutex.run(async () => {
      if (ENDED.includes(this.status))
        throw new StoreError(
          'conflict',
          `run '${this.id}' is ${this.status}: no notification can reach it now`,
        );
      const id = message.id;
      const same = this.setup.added.find((n) => n.id === id);
      // The same notification again (a hand-over repeated after a crash, a request sent
      // twice) changes nothing: the one there stands, with the time it reached the centre.
      if (same && sameNotification(same.message, message)) return same;
      if (same || this.setup.fileNotificationIds.has(id))
        throw new StoreError('conflict', `run '${this.id}' already has a notification '${id}'`);
      const scenario = checkAddedNotification(
        this.setup.text,
        this.setup.added.map((n) => n.message),
        message,
      );
      const spec = scenario.notifications.find((n) => n.id === id)!;
      const timeS = spec.deliveredS ?? spec.issuedS;
      if (this.record.progressS !== null && timeS <= this.frontierS)
        throw new StoreError(
          'conflict',
          `notification '${id}' would reach the centre at ${round(timeS, 3)} s, not after the run's last step at ${this.frontierS} s: it cannot arrive in the run's past`,
        );
      const record: NotificationRecord = { id, timeS, message };
      await this.deps.store.addNotification(this.id, record);
      this.setup = { ...this.setup, scenario, added: [...this.setup.added, record] };
      // The centre takes notifications when it is built: rebuild it on the next step.
      this.stepper = null;
      this.deps.emit({ type: 'notification', runId: this.id, notification: record });
      return record;
    });
  }

  // --- the clock ---

  private anchor(): void {
    this.anchorWallMs = performance.now();
    this.anchorSimS = this.clockS;
  }

  /** Time of the next step after `s` on this run's grid, or null past the end. */
  private stepAfter(s: number): number | null {
    if (s >= this.durationS) return null;
    return Math.min((Math.floor(s / ASSESS_EVERY_S + 1e-9) + 1) * ASSESS_EVERY_S, this.durationS);
  }

  /** The next picture to show: a stored step while replaying, else the next to compute; null when there is none. */
  private nextTickS(): number | null {
    const next = this.stepAfter(this.pictureS);
    if (next === null) return null;
    if (next <= this.frontierS) return next;
    return this.status === 'running' ? next : null;
  }

  private clockNow(): number {
    if (!this.playing || this.mode !== 'paced') return this.clockS;
    const t = this.anchorSimS + ((performance.now() - this.anchorWallMs) * this.pace) / 1000;
    return Math.max(this.clockS, Math.min(t, this.nextTickS() ?? this.pictureS));
  }

  private sleep(ms: number | null): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => done(true), ms);
      const done = (elapsed: boolean) => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve(elapsed);
      };
      this.wake = () => done(false);
    });
  }

  /** Waits, ticking the clock, until the paced clock reaches tS; false when woken by a change. */
  private async waitForClock(tS: number): Promise<boolean> {
    for (;;) {
      const dueMs = this.anchorWallMs + ((tS - this.anchorSimS) * 1000) / this.pace - performance.now();
      if (dueMs <= 0) return true;
      this.deps.emit({
        type: 'time',
        runId: this.id,
        timeS: round(this.clockNow(), 3),
        progressS: this.record.progressS,
        playing: true,
      });
      if (!(await this.sleep(Math.min(this.deps.tickMs, dueMs)))) return false;
    }
  }

  private async loop(): Promise<void> {
    while (!this.closed) {
      if (!this.playing) {
        await this.sleep(null);
        continue;
      }
      const next = this.nextTickS();
      if (next === null) {
        await this.mutex.run(async () => this.reachEnd());
        continue;
      }
      if (this.mode === 'paced' && !(await this.waitForClock(next))) continue;
      // A step to compute waits for room in the bus backlog here, outside the mutex, so
      // the run can still be paused, stopped or acted on while the bus is down.
      if (next > this.frontierS && !(await this.roomOnBus())) continue;
      // Always let I/O in between steps: a paced run behind its clock never sleeps.
      await yieldTurn();
      await this.mutex.run(() => this.tick(next));
    }
  }

  private async tick(next: number): Promise<void> {
    if (this.closed || !this.playing || this.nextTickS() !== next) return;
    try {
      if (next <= this.frontierS) {
        this.pictureS = next;
        if (this.mode === 'batch') this.clockS = next;
        await this.emitSnapshot('replay');
      } else await this.computeStep(true);
    } catch (err) {
      await this.fail(err);
    }
  }

  private reachEnd(): void {
    if (!this.playing || this.nextTickS() !== null) return;
    this.playing = false;
    this.clockS = this.pictureS;
    this.emitRun();
  }

  // --- the computation ---

  /** Runs `fn` with the run's status running (writes need it), restoring a paused or queued run after. */
  private async computing(fn: () => Promise<void>): Promise<void> {
    const before = this.status;
    if (before === 'queued' || before === 'paused') await this.setStatus('running', null);
    try {
      await fn();
    } catch (err) {
      await this.fail(err);
      return;
    }
    if (before !== 'running' && this.status === 'running')
      await this.setStatus('paused', this.record.statusReason ?? 'paused after a seek');
  }

  private async stepperAtFrontier(): Promise<RunStepper> {
    if (this.stepper) return this.stepper;
    const stepper = new RunStepper(this.setup.scenario, {
      seed: this.record.seed,
      deliveries: this.setup.deliveries,
    });
    // The fed reports of the stored steps, in the order the steps took them.
    const fed =
      feedQueueLimitOf(this.record.parameters) === null || this.record.progressS === null
        ? []
        : await this.deps.store.listReports(this.id, { toS: this.frontierS, idPrefix: FED_ID_PREFIX });
    if (this.record.progressS !== null) {
      let slice = performance.now();
      let taken = 0;
      while (!stepper.done && stepper.timeS < this.frontierS) {
        const first = taken;
        const t = stepper.nextTimeS()!;
        while (taken < fed.length && fed[taken]!.timeS <= t) taken++;
        stepper.step(fed.slice(first, taken));
        if (performance.now() - slice > SLICE_MS) {
          await yieldTurn();
          slice = performance.now();
        }
      }
      const stored = JSON.stringify((await this.deps.store.alertsAt(this.id)).sort(byFirstTime));
      const rebuilt = JSON.stringify(stepper.alerts().sort(byFirstTime));
      if (stepper.timeS !== this.frontierS || stored !== rebuilt)
        throw new Error(
          `cannot go on: the centre rebuilt to ${stepper.timeS} s does not hold the alerts stored up to ${this.frontierS} s`,
        );
      this.deps.log.info({ runId: this.id, progressS: this.frontierS }, 'run rebuilt to its stored progress');
    }
    this.tally = new SensorTally();
    this.tally.add(stepper.network.reports.filter((r) => r.timeS <= stepper.timeS));
    this.tally.add(fed);
    this.flagged = new Set(stepper.centre.feedsFlagged());
    this.stepper = stepper;
    return stepper;
  }

  /** Waits until the bus backlog has room for another step; false when the run is being closed instead. */
  private async roomOnBus(): Promise<boolean> {
    await Promise.race([this.publisher.room(), this.closing]);
    return !this.closed;
  }

  private async computeStep(emitDelta: boolean): Promise<void> {
    if (!(await this.roomOnBus())) return;
    const stepper = await this.stepperAtFrontier();
    const next = stepper.nextTimeS();
    if (next === null) return;
    // Taken and stepped in one go: a report arriving after this is late.
    const step = stepper.step(this.feed?.take(next) ?? []);
    if (!step) return;
    try {
      await this.storeStep(step);
    } catch (err) {
      // The centre has moved past what is stored: build it again before any next step.
      this.stepper = null;
      throw err;
    }
    this.tally.add(step.reports);
    this.flagged = new Set(step.flaggedSensors);
    this.publisher.add(step);
    if (emitDelta) {
      this.pictureS = step.timeS;
      if (this.mode === 'batch') this.clockS = step.timeS;
      this.emitStep(step);
    }
    if (stepper.done) {
      this.stepper = null;
      this.playing = false;
      this.clockS = this.pictureS;
      await this.setStatus('finished', null);
      await this.closeFeed();
    }
  }

  /**
   * Writes the step; when the store fails, reads the run's progress back and goes on
   * from what is stored: the step is there (its COMMIT went through though the answer
   * was lost) or the progress is still the step before, and the step is written again.
   */
  private async storeStep(step: LiveStep): Promise<void> {
    const before = this.record.progressS;
    for (let attempt = 1; ; attempt++) {
      let failure: unknown;
      try {
        await this.writeStep(step);
        if (attempt > 1)
          this.deps.log.info(
            { runId: this.id, timeS: step.timeS, attempt },
            'step stored on a later attempt',
          );
        return;
      } catch (err) {
        // Bad input is the same whatever is tried again.
        if (err instanceof InputError || attempt >= STEP_WRITE_ATTEMPTS) throw err;
        failure = err;
      }
      this.deps.log.warn(
        { err: failure, runId: this.id, timeS: step.timeS, attempt, of: STEP_WRITE_ATTEMPTS },
        'could not store a step: reading the stored progress back to go on from there',
      );
      await new Promise((r) => setTimeout(r, STEP_RETRY_FIRST_MS * 2 ** (attempt - 1)));
      let stored: RunRecord | null;
      try {
        stored = await this.deps.store.getRun(this.id);
      } catch (err) {
        this.deps.log.warn({ err, runId: this.id }, 'could not read the stored progress either');
        continue;
      }
      if (stored?.progressS === step.timeS) {
        this.record = stored;
        this.deps.log.info(
          { runId: this.id, timeS: step.timeS, attempt },
          'the step had been stored after all: going on from it',
        );
        return;
      }
      if (!stored || stored.progressS !== before || stored.status !== 'running')
        throw new Error(
          `the store's answer for the step at ${step.timeS} s was lost, and the run is now ${stored ? `${stored.status} at ${stored.progressS} s` : 'gone'}: ${failure instanceof Error ? failure.message : String(failure)}`,
        );
    }
  }

  private async writeStep(step: LiveStep): Promise<void> {
    const audit = await this.chain.seal(step.audit);
    try {
      await this.deps.store.writeStep(this.id, {
        timeS: step.timeS,
        reports: step.reports,
        truthLabels: step.truthLabels,
        tracks: step.tracks,
        droppedTrackIds: step.droppedTrackIds,
        alerts: step.alerts,
        notifications: step.notifications,
        audit,
      });
    } catch (err) {
      this.chain.forget();
      throw err;
    }
    this.chain.advance(audit);
    this.record = { ...this.record, progressS: step.timeS, updatedAt: new Date().toISOString() };
  }

  private async fail(err: unknown): Promise<void> {
    this.playing = false;
    this.stepper = null;
    const message = err instanceof Error ? err.message : String(err);
    this.deps.log.error({ err, runId: this.id }, 'run failed');
    try {
      if (!ENDED.includes(this.status)) await this.setStatus('failed', `failed: ${message}`);
    } catch (inner) {
      this.deps.log.error({ err: inner, runId: this.id }, 'could not mark the run failed');
    }
    await this.closeFeed();
  }

  private async setStatus(
    status: RunStatus,
    reason: string | null,
    expect?: readonly RunStatus[],
  ): Promise<void> {
    this.record = await this.deps.store.setRunStatus(this.id, status, {
      reason,
      ...(expect ? { expect } : {}),
    });
    this.deps.log.info({ runId: this.id, status, reason, progressS: this.record.progressS }, `run ${status}`);
    this.emitRun();
  }

  // --- telling listeners ---

  private emitRun(): void {
    this.deps.emit({ type: 'run', runId: this.id, run: this.view() });
  }

  private async emitSnapshot(reason: SnapshotReason): Promise<void> {
    this.deps.emit({ type: 'snapshot', runId: this.id, reason, picture: await this.picture(this.pictureS) });
  }

  private emitStep(step: LiveStep): void {
    const statuses = sensorStatuses(this.sensors, this.tally, this.flagged, step.timeS);
    const changed = statuses.filter((s) => {
      const text = JSON.stringify(s);
      const same = this.sentStatus.get(s.id) === text;
      this.sentStatus.set(s.id, text);
      return !same;
    });
    const bySensor: Record<string, number> = {};
    for (const r of step.reports) bySensor[r.sensorId] = (bySensor[r.sensorId] ?? 0) + 1;
    this.deps.emit({
      type: 'step',
      runId: this.id,
      timeS: step.timeS,
      tracks: step.tracks,
      droppedTrackIds: step.droppedTrackIds,
      alerts: step.alerts.map((a) => this.ledger.view(a, step.timeS)),
      sensors: changed,
      reports: { total: step.reports.length, bySensor },
    });
  }
}
