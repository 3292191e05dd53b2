// Fault injection for the reliability suite (issue 9): child processes read line by
// line and killed with SIGKILL at a chosen line, a NATS server of the test's own that
// can be killed and started again on the same port and storage, and free ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../..');
/** The nats-server binary: Debian's, else the first on PATH; null when there is none. */
export const NATS_SERVER: string | null =
  ['/usr/sbin', ...(process.env['PATH'] ?? '').split(delimiter)]
    .map((d) => join(d, 'nats-server'))
    .find(existsSync) ?? null;

export interface Child {
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr: () => string;
  /** Settles when the process has exited, with its code or the signal that ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then waits for the exit. */
  kill9(): Promise<void>;
}

/**
 * Starts `command args` and calls `onLine` with each stdout line (and with the child, so
 * it can be killed at exactly that line). `onStderr` sees stderr as it grows.
 */
export function startChild(
  command: string,
  args: string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    onLine?: (line: string, child: Child) => void;
    onStderr?: (text: string, child: Child) => void;
  } = {},
): Child {
  const child = spawn(command, args, {
    cwd: options.cwd ?? REPO,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let buffered = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal })),
  );
  const handle: Child = {
    child,
    stderr: () => stderr,
    exited,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  child.stderr!.on('data', (chunk) => {
    stderr += String(chunk);
    options.onStderr?.(stderr, handle);
  });
  child.stdout!.on('data', (chunk) => {
    buffered += String(chunk);
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) options.onLine?.(line, handle);
  });
  return handle;
}

/** A TypeScript file of ours in its own node process (through tsx). */
export function startTsChild(file: string, args: string[], options: Parameters<typeof startChild>[2] = {}) {
  return startChild(process.execPath, ['--import', 'tsx', file, ...args], options);
}

/** A TCP port nothing listens on just now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

export async function waitUntil<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 20,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A nats-server with JetStream of the test's own: its port and storage stay the same across restarts. */
export class NatsServer {
  private current: Child | null = null;
  readonly port: number;
  readonly storeDir: string;
  readonly url: string;

  private constructor(port: number, storeDir: string) {
    this.port = port;
    this.storeDir = storeDir;
    this.url = `nats://127.0.0.1:${port}`;
  }

  static async start(storeDir: string): Promise<NatsServer> {
    const server = new NatsServer(await freePort(), storeDir);
    await server.restart();
    return server;
  }

  /** Starts the server (again) and waits until it says it is ready for connections. */
  async restart(): Promise<void> {
    if (this.current) throw new Error('the NATS server is already running');
    let ready: () => void = () => undefined;
    const isReady = new Promise<void>((ok) => (ready = ok));
    const check = (text: string) => {
      if (/Server is ready/.test(text)) ready();
    };
    if (!NATS_SERVER) throw new Error('no nats-server binary');
    const child = startChild(
      NATS_SERVER,
      ['-js', '-sd', this.storeDir, '-a', '127.0.0.1', '-p', String(this.port)],
      { onStderr: check, onLine: check },
    );
    this.current = child;
    const exited = child.exited.then(({ code }) => {
      throw new Error(`nats-server exited (${code}) before it was ready:\n${child.stderr()}`);
    });
    await Promise.race([isReady, exited]);
  }

  /** kill -9: no shutdown, no flush. */
  async kill9(): Promise<void> {
    const child = this.current;
    this.current = null;
    await child?.kill9();
  }

  async stop(): Promise<void> {
    await this.kill9();
  }
}

const VIGIL = resolve(REPO, 'bin/vigil.js');
export const ADMIN_TOKEN = 'faults-test-admin-token-0123456789';

export interface Service extends Child {
  url: string;
}

/** `vigil serve` as a child process on a free port; resolves once it listens. */
export function startService(cwd: string, db: string, extra: string[] = []): Promise<Service> {
  return new Promise((ok, fail) => {
    let listening = false;
    const child = startChild(
      process.execPath,
      [
        VIGIL,
        'serve',
        '--port',
        '0',
        '--db',
        db,
        '--tokens',
        resolve(cwd, 'tokens.json'),
        '--log-level',
        'warn',
        ...extra,
      ],
      {
        cwd,
        env: { ...process.env, VIGIL_ADMIN_TOKEN: ADMIN_TOKEN },
        onStderr: (text, handle) => {
          const m = /listening on (http:\/\/\S+)/.exec(text);
          if (m && !listening) {
            listening = true;
            ok({ ...handle, url: m[1]! });
          }
        },
      },
    );
    child.exited.then(({ code, signal }) => {
      if (!listening)
        fail(new Error(`vigil serve exited (${code ?? signal}) before listening:\n${child.stderr()}`));
    });
  });
}
