// What the browser tests stand on: the console built into web/dist (built here when
// it is missing), a real `vigil serve` in a child process on a random port with a
// temporary SQLite database and a known admin token, and Debian's Chromium driven by
// playwright-core (STACK.md: never a downloaded browser).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';

export const REPO = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(REPO, 'test-output/e2e');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs);
  return newest;
}

/** Builds web/dist when it is missing or older than the console's sources (CI builds it before the tests). */
export function ensureConsoleBuilt(): void {
  const index = join(REPO, 'web/dist/index.html');
  const sources = Math.max(
    newestSourceMs(join(REPO, 'web/src')),
    statSync(join(REPO, 'web/index.html')).mtimeMs,
    statSync(join(REPO, 'web/vite.config.ts')).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
    {
      cwd: REPO,
      stdio: 'pipe',
    },
  );
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`);
  mkdirSync(OUTPUT, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface Service {
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

/** `vigil serve` on a free port with its own database and token file, until stop(). */
export function startService(adminToken: string): Promise<Service> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(REPO, 'bin/vigil.js'),
      'serve',
      '--port',
      '0',
      '--db',
      `sqlite:${join(dir, 'vigil.db')}`,
      '--tokens',
      join(dir, 'tokens.json'),
      '--log-level',
      'warn',
    ],
    {
      cwd: REPO,
      env: { ...process.env, VIGIL_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  };
  let stderr = '';
  return new Promise((resolvePromise, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolvePromise({ url: m[1]!, adminToken, stop });
    });
    exited.then((code) => reject(new Error(`vigil serve exited (${code}) before listening:\n${stderr}`)));
  });
}

/** A JSON request to the service's API with a token. */
export async function api<T>(
  service: Service,
  method: string,
  path: string,
  body?: unknown,
  token = service.adminToken,
): Promise<T> {
  const response = await fetch(service.url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
