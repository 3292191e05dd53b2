// The operator console under load (issue 7), in headless Chromium on software WebGL:
// the console's own live source and globe (web/bench.html) against a stand-in for
// `vigil serve` — the same REST answers and WebSocket messages, from this process.
// 1. Frame time with 20 sensors in view, first with no tracks (the baseline: globe,
//    imagery and sensors alone), then with 2,000 tracks (points, trails, 2σ discs).
// 2. The stream: a `step` changing all 2,000 tracks 10 times a second for 20 s; each
//    step's lag from being sent to being applied to the picture and the primitives
//    (both clocks are this machine's Date.now()). Not falling behind: every step
//    applied, the lag bounded by the frame being drawn when a step arrives (software
//    WebGL holds the page's thread for a whole frame), and no drift from the first
//    steps to the last. Applying a step is also timed alone against its 100 ms.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Network, RunView, Track } from '../web/src/data/types.ts';
import { destination } from '../web/src/globe/geo.ts';
import type { BenchRow, BenchSuite } from './harness.ts';

const REPO = resolve(import.meta.dirname, '..');
const TRACKS = 2_000;
const RATE_HZ = 10;
const STREAM_S = process.env['VIGIL_BENCH_SHORT'] === '1' ? 5 : 20;
const FRAMES = 30;
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.xml': 'text/xml',
  '.wasm': 'application/wasm',
};

/** A deterministic stream of numbers in [0, 1) (a 32-bit LCG, Numerical Recipes). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** 2,000 tracks over the hemisphere the console shows at start (centred near 40°N 40°W), each moving. */
function makeTracks(): { tracks: Track[]; move: (tS: number) => void } {
  const r = lcg(7);
  const base = Array.from({ length: TRACKS }, () => ({
    lat: 5 + 65 * r(),
    lon: -110 + 140 * r(),
    alt: 100 + 1100 * r(),
    vLat: (r() - 0.5) * 0.05,
    vLon: (r() - 0.5) * 0.05,
    sigma: 1 + 30 * r(),
  }));
  const tracks: Track[] = base.map((b, i) => ({
    id: `T${i + 1}`,
    kind: '3d',
    status: i % 10 === 0 ? 'tentative' : 'confirmed',
    firstTimeS: 0,
    lastTimeS: 0,
    timeS: 0,
    sensors: ['bench-radar-1:1'],
    classification: i % 3 === 0 ? 'ballistic-missile' : 'unknown',
    position: { latDeg: b.lat, lonDeg: b.lon, altKm: b.alt },
    velocityEcefMps: [100, 200, 300],
    positionSigmaKm: b.sigma,
    boostProbability: 0.1,
    sensorId: null,
    groundPoint: null,
    bearing: null,
  }));
  const move = (tS: number) => {
    for (let i = 0; i < TRACKS; i++) {
      const b = base[i]!;
      const t = tracks[i]!;
      t.timeS = t.lastTimeS = tS;
      t.position = { latDeg: b.lat + b.vLat * tS, lonDeg: b.lon + b.vLon * tS, altKm: b.alt };
    }
  };
  return { tracks, move };
}

/** 5 geostationary IR satellites and 5 radars of 3 faces: 20 sensors. */
function makeNetwork(): Network {
  const satellites = [-100, -60, -20, 20, 60].map((lon, i) => ({
    id: `bench-geo-${i + 1}`,
    kind: 'ir' as const,
    orbit: 'GEO',
    periodS: 86_164,
    mode: 'look-down' as const,
    scan: 'starer' as const,
    revisitS: 10,
    fieldOfRegard: null,
    track: [[0, 0, lon, 35_786] as [number, number, number, number]],
  }));
  const sites: Array<[number, number]> = [
    [64.3, -149.2],
    [76.6, -68.3],
    [54.4, -0.7],
    [41.8, -70.5],
    [39.1, -121.4],
  ];
  const radars = sites.map(([lat, lon], i) => ({
    id: `bench-radar-${i + 1}`,
    kind: 'radar' as const,
    site: { latDeg: lat, lonDeg: lon, altKm: 0.1 },
    faces: [0, 120, 240].map((boresight, f) => {
      const fan: number[][] = [[lon, lat]];
      for (let a = -60; a <= 60; a += 10) fan.push(destination(lat, lon, boresight + a, 3000));
      fan.push([lon, lat]);
      return {
        id: `bench-radar-${i + 1}:${f + 1}`,
        boresightDeg: boresight,
        halfWidthDeg: 60,
        minElevationDeg: 3,
        maxElevationDeg: 80,
        maxRangeKm: 4800,
        band: 'UHF',
        revisitS: 10,
        fan,
      };
    }),
  }));
  return {
    trackEveryS: 60,
    fanAltitudeKm: 1000,
    satellites,
    radars,
    defended: { countries: ['USA'], polygons: [] },
  };
}

const RUN: RunView = {
  id: 'bench',
  scenarioName: 'bench',
  scenarioVersion: 1,
  seed: 1,
  parameters: {},
  status: 'running',
  statusReason: null,
  progressS: 0,
  createdAt: '2026-05-01T12:00:00.000Z',
  updatedAt: '2026-05-01T12:00:00.000Z',
  epoch: '2026-05-01T12:00:00Z',
  durationS: 3600,
  stepS: 0.1,
  clock: { timeS: 0, playing: true, mode: 'paced', pace: 1 },
};

interface StandIn {
  url: string;
  send(message: unknown): number;
  close(): Promise<void>;
}

/** The service as far as the console asks it: the run, its network (with its territory), report counts, the stream. */
async function standIn(root: string, snapshotOf: () => unknown): Promise<StandIn> {
  const network = makeNetwork();
  const answers: Record<string, unknown> = {
    '/api/runs/bench': RUN,
    '/api/runs/bench/network': network,
    '/api/runs/bench/report-counts': { binS: 60, bins: 60, counts: {} },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path in answers) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answers[path]));
      return;
    }
    const file = normalize(join(root, path === '/' ? 'bench.html' : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  const clients = new Set<WebSocket>();
  wss.on('connection', (socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as { type: string; runId?: string };
      if (m.type !== 'subscribe') return;
      socket.send(JSON.stringify({ type: 'subscribed', runId: 'bench', run: RUN }));
      socket.send(JSON.stringify(snapshotOf()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    send(message) {
      const text = JSON.stringify(message);
      for (const c of clients) c.send(text);
      return text.length;
    },
    close: () =>
      new Promise((r) => {
        for (const c of clients) c.terminate();
        wss.close();
        server.close(() => r());
      }),
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export const suite: BenchSuite = {
  title: 'Operator console (headless Chromium, software WebGL)',
  async run(): Promise<BenchRow[]> {
    if (!existsSync(CHROMIUM))
      return [
        {
          name: 'console bench',
          value: Number.NaN,
          unit: '',
          note: `no ${CHROMIUM}: apt-get install -y chromium`,
        },
      ];
    const outDir = mkdtempSync(join(tmpdir(), 'vigil-web-bench-'));
    const { tracks, move } = makeTracks();
    let shown: Track[] = [];
    const snapshot = (timeS: number) => ({
      type: 'snapshot',
      runId: 'bench',
      reason: 'resync',
      picture: { runId: 'bench', timeS, stepS: timeS, tracks: shown, alerts: [], sensors: [] },
    });
    let service: StandIn | null = null;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      await build({
        configFile: join(REPO, 'web/vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, rollupOptions: { input: join(REPO, 'web/bench.html') } },
      });
      service = await standIn(outDir, () => snapshot(0));
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (e) => console.error('bench page:', e.message));
      await page.goto(`${service.url}/bench.html`);
      await page.waitForFunction('window.vigilBench && window.vigilBench.sensors() === 20', undefined, {
        timeout: 60_000,
      });
      await page.locator('#globe[data-tiles="loaded"]').waitFor({ timeout: 90_000 });
      const frames = async () =>
        median((await page.evaluate(`window.vigilBench.frames(${FRAMES})`)) as number[]);
      const baselineMs = await frames();

      shown = tracks;
      service.send(snapshot(0));
      await page.waitForFunction(`window.vigilBench.tracks() === ${TRACKS}`, undefined, { timeout: 60_000 });
      const loadedMs = await frames();

      const sent = new Map<number, number>();
      let bytes = 0;
      const steps = STREAM_S * RATE_HZ;
      const t0 = Date.now();
      for (let k = 1; k <= steps; k++) {
        const due = t0 + (k * 1000) / RATE_HZ;
        await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
        const timeS = k / RATE_HZ;
        move(timeS);
        sent.set(timeS, Date.now());
        bytes += service.send({
          type: 'step',
          runId: 'bench',
          timeS,
          tracks,
          droppedTrackIds: [],
          alerts: [],
          sensors: [],
          reports: { total: 0, bySensor: {} },
        });
      }
      const lastSent = Date.now();
      await page
        .waitForFunction(`window.vigilBench.handled.length >= ${steps}`, undefined, { timeout: 30_000 })
        .catch(() => undefined);
      const handled = (await page.evaluate('window.vigilBench.handled')) as Array<[number, number, number]>;
      const lags = handled
        .filter(([t]) => sent.has(t))
        .map(([t, at]) => at - sent.get(t)!)
        .sort((a, b) => a - b);
      const lastApplied = Math.max(...handled.map(([, at]) => at));
      const p99 = lags.length ? quantile(lags, 0.99) : Number.POSITIVE_INFINITY;
      // Lag in time order: the mean of the last fifth against the first fifth.
      const inOrder = handled.filter(([t]) => sent.has(t)).map(([t, at]) => at - sent.get(t)!);
      const fifth = Math.max(1, Math.floor(inOrder.length / 5));
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const driftMs = mean(inOrder.slice(-fifth)) - mean(inOrder.slice(0, fifth));
      const applyMs = handled.map((h) => h[2]).sort((a, b) => a - b);
      const interval = 1000 / RATE_HZ;
      return [
        {
          name: 'frame, 20 sensors, no tracks (baseline)',
          value: baselineMs,
          unit: 'ms',
          note: `median of ${FRAMES} frames at 1280×800, each waited for (readPixels)`,
        },
        {
          name: `frame, 20 sensors + ${TRACKS.toLocaleString('en-GB')} tracks`,
          value: loadedMs,
          unit: 'ms',
          target: '≤ 1.5× baseline',
          met: loadedMs <= 1.5 * baselineMs,
          note: `${(loadedMs / baselineMs).toFixed(2)}× baseline; ${(1000 / loadedMs).toFixed(1)} frames/s here`,
        },
        {
          name: `stream: steps applied (${RATE_HZ}/s × ${TRACKS.toLocaleString('en-GB')} tracks, ${STREAM_S} s)`,
          value: lags.length,
          unit: 'steps',
          target: `all ${steps}`,
          met: lags.length === steps,
          note: `${((bytes / STREAM_S) * 1e-6).toFixed(1)} MB/s of JSON; the last applied ${lastApplied - lastSent} ms after it was sent`,
        },
        {
          name: 'stream: applying one step (parse excluded), p99',
          value: quantile(applyMs, 0.99),
          unit: 'ms',
          target: `≤ 25% of the ${interval} ms interval`,
          met: quantile(applyMs, 0.99) <= interval / 4,
          note: `median ${quantile(applyMs, 0.5).toFixed(1)} ms`,
        },
        {
          name: 'stream: lag sent → applied, p99',
          value: p99,
          unit: 'ms',
          target: '≤ 2 frames (a step waits at most for the frame being drawn)',
          met: p99 <= 2 * loadedMs,
          note: `median ${quantile(lags, 0.5)} ms; the frame pacer draws at most half the time`,
        },
        {
          name: 'stream: lag drift, last fifth − first fifth',
          value: driftMs,
          unit: 'ms',
          target: '< 1 frame (not falling behind)',
          met: driftMs < loadedMs,
        },
      ];
    } finally {
      await browser.close();
      await service?.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
