// The WebSocket stream's clients: each subscribes to runs and is sent their events,
// through its own bounded queue (client-queue.ts). A client that fell behind and lost
// messages is told how many and, once its queue has drained, sent each subscribed run's
// whole picture again. Sockets that stop answering pings are closed. What clients send
// is rate-limited with their token's requests (limits/request-limits.ts).
import type { WebSocket } from 'ws';
import { scenarioErrorMap } from '../../scenario/issue-messages.ts';
import { jsonSyntaxMessage } from '../../scenario/json-syntax.ts';
import type { Principal } from '../auth/roles.ts';
import type { LiveRun, RunLog } from '../runs/live-run.ts';
import type { RunEvent, SnapshotReason } from '../runs/run-events.ts';
import type { RunManager } from '../runs/run-manager.ts';
import { type ClientMessage, clientMessageSchema, type ServerMessage } from '../schemas/stream.ts';
import { ClientQueue } from './client-queue.ts';

export interface StreamHubOptions {
  runs: RunManager;
  log: RunLog;
  maxQueued?: number;
  maxInFlightBytes?: number;
  maxSubscriptions?: number;
  /** Interval of liveness pings, ms (0: none). */
  pingMs?: number;
  /** Whether a client's message may be taken now: null, else why not. */
  admit?: (principal: Principal) => string | null;
}

interface Client {
  socket: WebSocket;
  principal: Principal;
  queue: ClientQueue;
  runs: Set<string>;
  /** Dropped since the last `dropped` notice. */
  unreported: number;
  resyncing: boolean;
  alive: boolean;
}

export class StreamHub {
  private readonly runs: RunManager;
  private readonly log: RunLog;
  private readonly maxQueued: number;
  private readonly maxInFlightBytes: number;
  private readonly maxSubscriptions: number;
  private readonly clients = new Set<Client>();
  private readonly unlisten: () => void;
  private readonly pinger: NodeJS.Timeout | null;
  private readonly admit: (principal: Principal) => string | null;

  constructor(options: StreamHubOptions) {
    this.runs = options.runs;
    this.log = options.log;
    this.maxQueued = options.maxQueued ?? 256;
    this.maxInFlightBytes = options.maxInFlightBytes ?? 1 << 20;
    this.maxSubscriptions = options.maxSubscriptions ?? 16;
    this.admit = options.admit ?? (() => null);
    this.unlisten = this.runs.listen((event) => this.broadcast(event));
    const pingMs = options.pingMs ?? 30_000;
    this.pinger = pingMs > 0 ? setInterval(() => this.ping(), pingMs) : null;
    this.pinger?.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  connect(socket: WebSocket, principal: Principal): void {
    const client: Client = {
      socket,
      principal,
      runs: new Set(),
      unreported: 0,
      resyncing: false,
      alive: true,
      queue: new ClientQueue(
        {
          send: (data, done) => {
            if (socket.readyState !== socket.OPEN) return done(new Error('closed'));
            socket.send(data, done);
          },
        },
        {
          maxQueued: this.maxQueued,
          maxInFlightBytes: this.maxInFlightBytes,
          onDrop: (count) => {
            client.unreported += count;
          },
          onDrain: () => {
            if (client.unreported > 0) void this.resync(client);
          },
        },
      ),
    };
    this.clients.add(client);
    socket.on('pong', () => {
      client.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      void this.receive(client, isBinary ? null : String(data));
    });
    socket.on('close', () => {
      client.queue.close();
      this.clients.delete(client);
    });
    this.send(client, {
      type: 'hello',
      name: principal.name,
      role: principal.role,
      maxQueued: this.maxQueued,
      maxSubscriptions: this.maxSubscriptions,
    });
  }

  /** Closes every client (the service is stopping). */
  close(): void {
    this.unlisten();
    if (this.pinger) clearInterval(this.pinger);
    for (const c of this.clients) c.socket.close(1001, 'the service is stopping');
    this.clients.clear();
  }

  private send(client: Client, message: ServerMessage | RunEvent, coalesceKey: string | null = null): void {
    client.queue.push(JSON.stringify(message), coalesceKey);
  }

  private broadcast(event: RunEvent): void {
    for (const c of this.clients) {
      if (c.runs.has(event.runId)) this.send(c, event, event.type === 'time' ? `time:${event.runId}` : null);
    }
  }

  private async receive(client: Client, text: string | null): Promise<void> {
    const refused = this.admit(client.principal);
    if (refused !== null) {
      this.send(client, { type: 'error', message: `${refused}; this message was not taken` });
      return;
    }
    let message: ClientMessage;
    try {
      const parsed = clientMessageSchema.safeParse(text === null ? null : JSON.parse(text), {
        error: scenarioErrorMap,
      });
      if (!parsed.success)
        throw new Error(parsed.error.issues.map((i) => i.message.replace(/\n/g, '; ')).join('; '));
      message = parsed.data;
    } catch (err) {
      this.send(client, {
        type: 'error',
        // JSON.parse quotes the text it could not read: jsonSyntaxMessage keeps the reason only.
        message: `not a message this stream takes (${err instanceof SyntaxError ? jsonSyntaxMessage(err) : (err as Error).message}): send {"type":"subscribe","runId":…}, {"type":"unsubscribe","runId":…} or {"type":"ping"}`,
      });
      return;
    }
    switch (message.type) {
      case 'ping':
        this.send(client, { type: 'pong', ...(message.id === undefined ? {} : { id: message.id }) });
        return;
      case 'unsubscribe':
        client.runs.delete(message.runId);
        this.send(client, { type: 'unsubscribed', runId: message.runId });
        return;
      case 'subscribe':
        await this.subscribe(client, message.runId);
    }
  }

  private async subscribe(client: Client, runId: string): Promise<void> {
    if (!client.runs.has(runId) && client.runs.size >= this.maxSubscriptions) {
      this.send(client, {
        type: 'error',
        runId,
        message: `at most ${this.maxSubscriptions} runs per client`,
      });
      return;
    }
    let run: LiveRun;
    try {
      run = await this.runs.get(runId);
    } catch (err) {
      this.send(client, { type: 'error', runId, message: (err as Error).message });
      return;
    }
    client.runs.add(runId);
    this.send(client, { type: 'subscribed', runId, run: run.view() });
    await this.snapshotTo(client, run, 'subscribe');
  }

  private async snapshotTo(client: Client, run: LiveRun, reason: SnapshotReason): Promise<void> {
    try {
      await run.snapshot((picture) => {
        if (client.runs.has(run.id)) this.send(client, { type: 'snapshot', runId: run.id, reason, picture });
      });
    } catch (err) {
      this.log.error({ err, runId: run.id }, 'could not read a picture for a stream client');
    }
  }

  private async resync(client: Client): Promise<void> {
    if (client.resyncing) return;
    client.resyncing = true;
    const count = client.unreported;
    client.unreported = 0;
    this.send(client, { type: 'dropped', count, total: client.queue.dropped });
    for (const runId of client.runs) {
      try {
        await this.snapshotTo(client, await this.runs.get(runId), 'resync');
      } catch (err) {
        this.log.error({ err, runId }, 'could not resync a stream client');
      }
    }
    client.resyncing = false;
  }

  private ping(): void {
    for (const c of this.clients) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }
}
