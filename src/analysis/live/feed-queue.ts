// The queue between an external report feed and a run's centre (issues 6 and 9): a
// decoded report waits here for the step its time falls in and is handed to the centre
// with that step's simulated reports. It is bounded — a feed that floods cannot fill
// the memory — and nothing is lost without being counted: every report offered ends
// up accepted, late (its step is already computed), after the run's end, a duplicate
// of one accepted before, or dropped because the queue was full.
//
// Fed reports take the id `feed/<their id>`: a sensor id cannot contain '/', so they
// never collide with the run's simulated reports (`<sensorId>#<n>`), and a stored run
// tells its fed reports from its simulated ones by the prefix.
import type { SensorReport } from '../../sensors/report.ts';

export const FED_ID_PREFIX = 'feed/';

/** Default bound on the reports waiting for their step, per run. */
export const DEFAULT_FEED_QUEUE_LIMIT = 100_000;

export interface FeedCounts {
  /** Feed messages taken from the bus for this run. */
  received: number;
  /** Reports queued for their step (including those since given to the centre). */
  accepted: number;
  /** Reports given to the centre with their step. */
  fed: number;
  /** Reports waiting for their step now, and the most that ever waited at once. */
  queued: number;
  maxQueued: number;
  queueLimit: number;
  /** Timed at or before a step already computed. */
  late: number;
  /** Timed after the run's end. */
  afterEnd: number;
  /** With the id of a report still waiting for its step (a feed's own redelivery or repetition). */
  duplicate: number;
  /** Refused by the decoder (they go to the dead-letter subject with the reason). */
  malformed: number;
  /** Arrived while the queue was full. */
  dropped: number;
}

export type Offered = 'accepted' | 'late' | 'after-end' | 'duplicate' | 'dropped';

export class FeedQueue {
  private readonly endS: number;
  private readonly waiting: SensorReport[] = [];
  /** Ids of the waiting reports. */
  private readonly seen = new Set<string>();
  /** Time of the last step taken; null before the first. */
  private takenS: number | null;
  readonly counts: FeedCounts;

  /** `takenS`: the time of the last step already computed (a resumed run), or null. */
  constructor(queueLimit: number, endS: number, takenS: number | null = null) {
    if (!Number.isInteger(queueLimit) || queueLimit < 1)
      throw new RangeError(`a feed queue holds at least one report; got ${queueLimit}`);
    this.endS = endS;
    this.takenS = takenS;
    this.counts = {
      received: 0,
      accepted: 0,
      fed: 0,
      queued: 0,
      maxQueued: 0,
      queueLimit,
      late: 0,
      afterEnd: 0,
      duplicate: 0,
      malformed: 0,
      dropped: 0,
    };
  }

  /** Counts a message the decoder refused. */
  malformed(): void {
    this.counts.received++;
    this.counts.malformed++;
  }

  /** Offers a decoded report (its feed's own id); queued under `feed/<id>` when accepted. */
  offer(report: SensorReport): Offered {
    const c = this.counts;
    c.received++;
    const id = FED_ID_PREFIX + report.id;
    const outcome: Offered = this.seen.has(id)
      ? 'duplicate'
      : // Before the first step the centre takes everything up to the first step time;
        // a report before the epoch has no step.
        (this.takenS === null ? report.timeS < 0 : report.timeS <= this.takenS)
        ? 'late'
        : report.timeS > this.endS
          ? 'after-end'
          : this.waiting.length >= c.queueLimit
            ? 'dropped'
            : 'accepted';
    if (outcome === 'accepted') {
      this.seen.add(id);
      this.waiting.push({ ...report, id });
      c.accepted++;
      c.queued = this.waiting.length;
      c.maxQueued = Math.max(c.maxQueued, c.queued);
    } else if (outcome === 'late') c.late++;
    else if (outcome === 'after-end') c.afterEnd++;
    else if (outcome === 'duplicate') c.duplicate++;
    else c.dropped++;
    return outcome;
  }

  /**
   * The reports timed up to `stepS`, in the order they arrived, for the step at
   * `stepS`; from then on reports at or before it are late.
   */
  take(stepS: number): SensorReport[] {
    const due: SensorReport[] = [];
    let kept = 0;
    for (const r of this.waiting) {
      if (r.timeS <= stepS) {
        due.push(r);
        // Again after its step it is late: only waiting reports need telling apart.
        this.seen.delete(r.id);
      } else this.waiting[kept++] = r;
    }
    this.waiting.length = kept;
    this.takenS = stepS;
    this.counts.fed += due.length;
    this.counts.queued = kept;
    return due;
  }
}
