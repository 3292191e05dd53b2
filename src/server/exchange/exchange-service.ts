// The centre's exchange inside `vigil serve` (issue 9): the node opened from its home
// directory, the courier delivering the outbox while the service is up, and what the
// inbox releases handed to the centre — each notification added to every run that is
// running or paused at that moment, exactly as POST /api/runs/{id}/notifications adds
// one, arriving at the run's next step. A message is confirmed to the inbox only once
// it has been handed to the runs, so one the service dies holding comes again at the
// next start; a run that has the notification already keeps it as it is. Every alarm
// (acknowledgement overdue, line check overdue, sequence gap …) is logged as it is
// raised; GET /api/exchange/status shows the recent ones.
import { runCourier, type Transport } from '../../exchange/courier.ts';
import type { Delivered, ExchangeNode } from '../../exchange/exchange-node.ts';
import { httpTransport } from '../../exchange/http-transport.ts';
import type { WireNotification } from '../../exchange/messages.ts';
import { type OpenedExchange, openExchange } from '../../exchange/open-exchange.ts';
import type { ExchangeTiming } from '../../exchange/timing.ts';
import { InputError } from '../../scenario/input-error.ts';
import { checkUtcInstant } from '../../scenario/utc-instant.ts';
import { StoreError } from '../../store/store-error.ts';
import type { RunLog } from '../runs/live-run.ts';
import type { RunView } from '../runs/run-events.ts';
import type { RunManager } from '../runs/run-manager.ts';

export interface ExchangeOptions {
  /** The exchange directory: exchange.db and the centre's key (open-exchange.ts). */
  home: string;
  centreId: string;
  /** How partners are reached; default HTTP to their registered URLs, 10 s per call. */
  transport?: Transport;
  /** Deadlines other than the exchange's defaults (timing.ts). */
  timing?: Partial<ExchangeTiming>;
}

/** Attempts to file a notification in one run that keeps stepping past the chosen time. */
const FILING_ATTEMPTS = 3;
/** Hand-overs of one message that fail (the store down, …) before it is given up, logged. */
const HANDOVER_ATTEMPTS = 5;

const keyOf = (d: Delivered) => `${d.from}\u0000${d.id}`;

export class ExchangeService {
  readonly node: ExchangeNode;
  private readonly opened: OpenedExchange;
  private readonly runs: RunManager;
  private readonly log: RunLog;
  private readonly stop = new AbortController();
  private readonly courier: Promise<void>;
  private lastAlarm: number;
  /** Deliveries are handed to the runs one after another, in release order. */
  private filing: Promise<void> = Promise.resolve();
  /** Messages taken and not yet confirmed: queued for filing, not to be taken again meanwhile. */
  private readonly inHand = new Set<string>();
  /** Failed hand-overs per message. */
  private readonly failures = new Map<string, number>();

  constructor(options: ExchangeOptions, runs: RunManager, log: RunLog) {
    this.opened = openExchange({
      home: options.home,
      centreId: options.centreId,
      ...(options.timing ? { timing: options.timing } : {}),
    });
    this.node = this.opened.node;
    this.runs = runs;
    this.log = log;
    this.lastAlarm = this.node.alarms().at(-1)?.n ?? 0;
    log.info(
      { centreId: this.node.centreId, home: this.opened.home, partners: this.node.peers().length },
      `exchange of centre ${this.node.centreId} open`,
    );
    this.courier = runCourier(this.node, options.transport ?? httpTransport(), {
      signal: this.stop.signal,
      onRound: () => this.afterChange(),
    }).catch((err: unknown) => this.log.error({ err }, 'the exchange courier stopped'));
  }

  /** After anything that may raise alarms or release messages (a courier round, the inbox). */
  afterChange(): void {
    for (const alarm of this.node.alarms(this.lastAlarm)) {
      this.log.warn({ exchangeAlarm: alarm }, `exchange alarm ${alarm.kind}: ${alarm.text}`);
      this.lastAlarm = alarm.n;
    }
    const released = this.node.take().filter((d) => !this.inHand.has(keyOf(d)));
    if (released.length === 0) return;
    for (const d of released) this.inHand.add(keyOf(d));
    this.filing = this.filing.then(() => this.deliverAll(released));
  }

  /** Stops the courier, lets the filing in progress finish, closes the exchange store. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.courier;
    await this.filing;
    this.opened.close();
  }

  /**
   * Hands each message to the runs and then confirms it to the inbox, in release order.
   * One that fails stops the round: it and those after it are taken again at the next
   * change, in order — until it has failed HANDOVER_ATTEMPTS times and is given up.
   */
  private async deliverAll(released: Delivered[]): Promise<void> {
    for (const [i, d] of released.entries()) {
      try {
        await this.deliver(d);
      } catch (err) {
        const failures = (this.failures.get(keyOf(d)) ?? 0) + 1;
        const givenUp = failures >= HANDOVER_ATTEMPTS;
        this.log.error(
          { err, from: d.from, messageId: d.id, attempt: failures },
          givenUp
            ? `could not hand an exchange message to the runs after ${failures} attempts: given up`
            : 'could not hand an exchange message to the runs: trying again at the next change',
        );
        if (!givenUp) {
          this.failures.set(keyOf(d), failures);
          for (const later of released.slice(i)) this.inHand.delete(keyOf(later));
          return;
        }
      }
      this.node.confirmTaken([d]);
      this.failures.delete(keyOf(d));
      this.inHand.delete(keyOf(d));
    }
  }

  private async deliver(d: Delivered): Promise<void> {
    if (d.body.type === 'notification') await this.fileNotification(d.from, d.body.notification);
    else
      this.log.info(
        { from: d.from, messageId: d.id, reportId: d.body.reportId },
        `launch report ${d.body.reportId} r${d.body.revision} from ${d.from} received (runs take no launch reports)`,
      );
  }

  private async fileNotification(from: string, notification: WireNotification): Promise<void> {
    const live = [
      ...(await this.runs.list({ status: 'running' })),
      ...(await this.runs.list({ status: 'paused' })),
    ];
    const filed: string[] = [];
    for (const view of live) {
      const outcome = await this.fileInRun(view, notification);
      if (outcome === null) filed.push(view.id);
      else
        this.log.warn(
          { from, notificationId: notification.id, runId: view.id },
          `notification ${notification.id} from ${from} not added to run ${view.id}: ${outcome}`,
        );
    }
    this.log.info(
      { from, notificationId: notification.id, runs: filed },
      `notification ${notification.id} (${notification.kind}) from ${from} received; added to ${filed.length} live run${filed.length === 1 ? '' : 's'}`,
    );
  }

  /** Adds the notification to the run at its next step; null when added, else why not. */
  private async fileInRun(first: RunView, notification: WireNotification): Promise<string | null> {
    let view = first;
    for (let attempt = 1; ; attempt++) {
      const timeS = arrivalS(view, notification);
      if (timeS > view.durationS) return `it arrives after the run's end (${view.durationS} s)`;
      const message = {
        ...notification,
        delivered: true,
        deliveredAt: new Date(Date.parse(view.epoch) + timeS * 1000).toISOString(),
      };
      const run = await this.runs.get(view.id);
      try {
        await run.addNotification(message);
        return null;
      } catch (err) {
        if (!(err instanceof StoreError || err instanceof InputError)) throw err;
        view = run.view();
        // The run computed past the chosen step meanwhile: choose again.
        const raced = err instanceof StoreError && (view.progressS ?? 0) >= timeS;
        if (!raced || attempt >= FILING_ATTEMPTS) return err.message;
      }
    }
  }
}

/**
 * When a notification received now reaches a run's centre, s after its epoch: the step
 * after both what the run has computed and what its clock shows — but never before the
 * notification was issued.
 */
function arrivalS(view: RunView, notification: WireNotification): number {
  const nowS = Math.max(view.progressS ?? 0, view.clock.timeS);
  const nextStepS = (Math.floor(nowS / view.stepS + 1e-9) + 1) * view.stepS;
  const issued = checkUtcInstant(notification.issued);
  const issuedS = 'unixMs' in issued ? (issued.unixMs - Date.parse(view.epoch)) / 1000 : 0;
  return Math.max(nextStepS, issuedS);
}
