// The service's WebSocket stream (/ws?token=…, src/server/schemas/stream.ts): JSON
// messages both ways. Subscribes to one run, hands each message on, and reconnects
// with a growing pause when the connection drops (the service answers a new
// subscription with the whole picture, so nothing is lost but time).
import type { ServerMessage } from './types.ts';

export type StreamState = 'connecting' | 'open' | 'closed';

export interface StreamOptions {
  token: string;
  runId: string;
  onMessage: (message: ServerMessage) => void;
  onState: (state: StreamState, detail?: string) => void;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 10_000;

export class RunStream {
  private readonly options: StreamOptions;
  private socket: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(options: StreamOptions) {
    this.options = options;
    this.connect();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'the console left the run');
  }

  private connect(): void {
    const { token, runId, onMessage, onState } = this.options;
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`);
    this.socket = socket;
    onState('connecting');
    socket.addEventListener('open', () => {
      this.retryMs = FIRST_RETRY_MS;
      onState('open');
      socket.send(JSON.stringify({ type: 'subscribe', runId }));
    });
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      onMessage(JSON.parse(event.data) as ServerMessage);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      onState('closed', event.reason || `code ${event.code}`);
      if (this.closed) return;
      this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
    });
  }
}
