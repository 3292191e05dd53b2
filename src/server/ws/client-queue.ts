// Per-client backpressure for the stream: messages are handed to the socket while less
// than `maxInFlightBytes` of them wait to be written out, and behind them waits a
// queue of at most `maxQueued` messages. A
// client that reads too slowly loses the oldest queued messages, never the newest, and
// never makes the server buffer without bound; each loss is counted, and the owner is
// told so it can send the client a fresh picture. Messages with the same coalescing key
// (a run's clock ticks) replace each other while they wait.

export interface Transport {
  /** Sends one text frame; `done` is called once it is written out (or failed). */
  send(data: string, done: (err?: Error) => void): void;
}

export interface ClientQueueOptions {
  maxQueued: number;
  /** Bytes handed to the socket and not yet written out, beyond which the queue waits. */
  maxInFlightBytes: number;
  /** Called after messages were dropped, with how many this time. */
  onDrop: (count: number) => void;
  /** Called when everything queued has been written out. */
  onDrain: () => void;
}

interface Queued {
  data: string;
  key: string | null;
}

export class ClientQueue {
  private readonly transport: Transport;
  private readonly options: ClientQueueOptions;
  /** Short (at most maxQueued), so shifting from its front costs little. */
  private readonly queue: Queued[] = [];
  private inFlight = 0;
  private inFlightBytes = 0;
  private closed = false;
  /** Messages dropped since the client connected. */
  dropped = 0;
  /** Messages written out. */
  sent = 0;

  constructor(transport: Transport, options: ClientQueueOptions) {
    this.transport = transport;
    this.options = options;
  }

  get queued(): number {
    return this.queue.length;
  }

  push(data: string, key: string | null = null): void {
    if (this.closed) return;
    if (key !== null) {
      for (let i = 0; i < this.queue.length; i++) {
        if (this.queue[i]!.key === key) {
          this.queue[i] = { data, key };
          return;
        }
      }
    }
    this.queue.push({ data, key });
    let drops = 0;
    while (this.queue.length > this.options.maxQueued) {
      this.queue.shift();
      drops++;
    }
    if (drops > 0) {
      this.dropped += drops;
      this.options.onDrop(drops);
    }
    this.pump();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
  }

  private pump(): void {
    while (!this.closed && this.inFlightBytes < this.options.maxInFlightBytes && this.queued > 0) {
      const next = this.queue.shift()!;
      const bytes = Buffer.byteLength(next.data);
      this.inFlight++;
      this.inFlightBytes += bytes;
      this.transport.send(next.data, (err) => {
        this.inFlight--;
        this.inFlightBytes -= bytes;
        if (!err) this.sent++;
        this.pump();
        if (!this.closed && this.inFlight === 0 && this.queue.length === 0) this.options.onDrain();
      });
    }
  }
}
