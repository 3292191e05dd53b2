// @vitest-environment happy-dom
// A live run's data in the console: the network and the defended territory come from
// one answer of the service (GET …/network), and the truth is asked for only when the
// console asks the source for it — never with the picture.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Api } from '../../../web/src/data/api.ts';
import { LiveSource } from '../../../web/src/data/live-source.ts';
import type { Network, RunView, Truth } from '../../../web/src/data/types.ts';

const RUN: RunView = {
  id: 'r1',
  scenarioName: 'polar',
  scenarioVersion: 2,
  seed: 7,
  parameters: {},
  status: 'running',
  statusReason: null,
  progressS: 300,
  createdAt: '2026-05-01T12:00:00.000Z',
  updatedAt: '2026-05-01T12:00:00.000Z',
  epoch: '2026-05-01T12:00:00Z',
  durationS: 2700,
  stepS: 5,
  clock: { timeS: 300, playing: false, mode: 'paced', pace: 1 },
};

const NETWORK: Network = {
  trackEveryS: 60,
  fanAltitudeKm: 1000,
  satellites: [],
  radars: [],
  defended: {
    countries: ['USA', 'Norway'],
    polygons: [
      [
        [60, 10],
        [62, 10],
        [62, 14],
      ],
    ],
  },
};

const TRUTH: Truth = {
  runId: 'r1',
  epoch: RUN.epoch,
  durationS: RUN.durationS,
  everyS: 10,
  launches: [{ id: 'L1', vehicleClass: 'icbm-solid', launchTimeS: 60, latDeg: 55, lonDeg: 90, aim: null }],
  objects: [],
  sources: [],
  firings: [],
  firingsThroughS: 300,
  firingsTruncated: false,
};

class QuietSocket extends EventTarget {
  send(): void {}
  close(): void {}
}

let asked: string[];
beforeEach(() => {
  asked = [];
  vi.stubGlobal('WebSocket', QuietSocket);
  vi.stubGlobal('fetch', async (path: string) => {
    asked.push(path);
    const body = path.endsWith('/network') ? NETWORK : path.endsWith('/truth') ? TRUTH : {};
    return new Response(JSON.stringify(body), { status: 200 });
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('a live run’s data', () => {
  it('takes the network and the defended territory from one answer of the service', async () => {
    const source = new LiveSource(new Api('token'), RUN);
    const [network, defended] = await Promise.all([source.network(), source.defended()]);
    expect(defended).toEqual(NETWORK.defended);
    expect(network).toEqual({ satellites: [], radars: [] });
    expect(asked.filter((p) => p.endsWith('/network'))).toEqual(['/api/runs/r1/network']);
    expect(asked.some((p) => p.startsWith('/api/scenarios'))).toBe(false);
    source.close();
  });

  it('asks for the truth only when asked for it, and hands it on as CZML', async () => {
    const source = new LiveSource(new Api('token'), RUN);
    expect(source.capabilities.truth).toBe(true);
    await source.network();
    await source.defended();
    expect(asked.some((p) => p.includes('/truth'))).toBe(false);
    const packets = (await source.truth()) as Array<{ id: string }>;
    expect(asked.filter((p) => p.includes('/truth'))).toEqual(['/api/runs/r1/truth']);
    expect(packets.map((p) => p.id)).toEqual(['document', 'launch/L1']);
    source.close();
  });
});
