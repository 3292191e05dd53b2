// The service's runs: starts them, loads any stored run on demand (its clock, replay,
// operator actions), and at start-up deals with runs a stopped process left behind —
// those it was writing when it died are resumed (or marked failed, by choice), those
// a stopping service paused go on. Listeners (the WebSocket hub) hear every run event.
import { DEFAULT_FEED_QUEUE_LIMIT } from '../../analysis/live/feed-queue.ts';
import { round } from '../../analysis/summary.ts';
import type { MessageBus } from '../../bus/message-bus.ts';
import type { EventStore, RunFilter } from '../../store/event-store.ts';
import type { RecoveryAction } from '../../store/records.ts';
import { StoreError } from '../../store/store-error.ts';
import type { Principal } from '../auth/roles.ts';
import type { StartRunBody } from '../schemas/run.ts';
import { LiveRun, type RunLog, SHUTDOWN_REASON } from './live-run.ts';
import type { RunEvent, RunEventListener, RunView } from './run-events.ts';
import { CheckedScenarios, sourceNameFor } from './scenario-check.ts';
import { DEFAULT_PUBLISH_BACKLOG } from './step-publisher.ts';

export interface RunManagerOptions {
  store: EventStore;
  bus: MessageBus;
  log: RunLog;
  /** Clock ticks of paced runs, ms (default 250). */
  tickMs?: number;
  /** Stored steps of a run that may wait for the bus before the run waits for it (default 64). */
  publishBacklog?: number;
}

export class RunManager {
  private readonly store: EventStore;
  private readonly bus: MessageBus;
  private readonly log: RunLog;
  private readonly tickMs: number;
  private readonly publishBacklog: number;
  private readonly runs = new Map<string, Promise<LiveRun>>();
  private readonly listeners = new Set<RunEventListener>();
  private readonly scenarios = new CheckedScenarios();
  private closing = false;

  constructor(options: RunManagerOptions) {
    this.store = options.store;
    this.bus = options.bus;
    this.log = options.log;
    this.tickMs = options.tickMs ?? 250;
    this.publishBacklog = options.publishBacklog ?? DEFAULT_PUBLISH_BACKLOG;
  }

  listen(listener: RunEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: RunEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log.error({ err }, 'a run event listener failed');
      }
    }
  }

  /** The run, loaded; StoreError 'not-found' when there is none. */
  get(id: string): Promise<LiveRun> {
    let run = this.runs.get(id);
    if (!run) {
      run = (async () => {
        const record = await this.store.getRun(id);
        if (!record) throw new StoreError('not-found', `no run '${id}'`);
        return LiveRun.load(
          {
            store: this.store,
            bus: this.bus,
            log: this.log,
            emit: (e) => this.emit(e),
            scenarios: this.scenarios,
            tickMs: this.tickMs,
            publishBacklog: this.publishBacklog,
          },
          record,
        );
      })();
      this.runs.set(id, run);
      run.catch(() => this.runs.delete(id));
    }
    return run;
  }

  /** Runs held in memory (their clocks, and the centres of those computing). */
  get loadedCount(): number {
    return this.runs.size;
  }

  async list(filter: RunFilter = {}): Promise<RunView[]> {
    const records = await this.store.listRuns(filter);
    return Promise.all(records.map(async (r) => (await this.get(r.id)).view()));
  }

  async start(body: StartRunBody, actor: Principal): Promise<RunView> {
    if (this.closing) throw new StoreError('conflict', 'the service is stopping');
    const version = await this.store.getScenario(body.scenario, body.version);
    if (!version)
      throw new StoreError(
        'not-found',
        `no scenario '${body.scenario}'${body.version === undefined ? '' : ` version ${body.version}`}`,
      );
    const { scenario } = this.scenarios.get(version.text, sourceNameFor(version.name, version.text));
    const record = await this.store.createRun({
      ...(body.id === undefined ? {} : { id: body.id }),
      scenarioName: version.name,
      scenarioVersion: version.version,
      seed: body.seed ?? scenario.seed,
      parameters: {
        mode: body.mode,
        pace: body.pace,
        startedBy: actor.name,
        // Only feed runs say so: the parameters of a simulated run stay what they were.
        ...(body.feed ? { feed: true, feedQueueLimit: body.feedQueueLimit ?? DEFAULT_FEED_QUEUE_LIMIT } : {}),
      },
    });
    const run = await this.get(record.id);
    return body.paused ? run.hold(actor) : run.play();
  }

  /**
   * After a start: runs left `running` by a process that died are resumed from their
   * last stored step (or marked failed), and runs a stopping service paused go on.
   */
  async recover(action: RecoveryAction): Promise<{ resumed: string[]; failed: string[] }> {
    const recovered = await this.store.recoverRuns(action);
    const paused = (await this.store.listRuns({ status: 'paused' })).filter(
      (r) => r.statusReason === SHUTDOWN_REASON || recovered.some((x) => x.id === r.id),
    );
    const resumed: string[] = [];
    for (const record of paused) {
      try {
        await (await this.get(record.id)).play();
        resumed.push(record.id);
      } catch (err) {
        this.log.error({ err, runId: record.id }, 'could not resume the run');
      }
    }
    const failed = recovered.filter((r) => r.status === 'failed').map((r) => r.id);
    for (const r of recovered)
      this.log.warn(
        { runId: r.id, status: r.status, progressS: r.progressS === null ? null : round(r.progressS, 3) },
        'run interrupted by a stop of the service',
      );
    return { resumed, failed };
  }

  /** Pauses every running run (to go on at the next start) and stops every clock. */
  async close(): Promise<void> {
    this.closing = true;
    const runs = await Promise.allSettled([...this.runs.values()]);
    await Promise.all(runs.map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
    this.runs.clear();
  }
}
