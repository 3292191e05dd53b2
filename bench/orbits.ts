// Satellite state cost (issue 3, src/orbits): ECI position and velocity per call for
// the Keplerian + J2 propagator, the station-kept GEO slot and SGP4 through the
// wrapper. Baseline measured in the same process: a bare satellite.js `sgp4()` call on
// the same element set (STACK.md: ~0.6 µs here), so the wrapper's overhead and the
// Keplerian propagator's cost read as ratios to it.
import { sgp4, twoline2satrec } from 'satellite.js';
import type { SatelliteOrbit } from '../src/orbits/orbit.ts';
import { makeOrbit } from '../src/orbits/presets.ts';
import { type BenchRow, type BenchSuite, medianMs } from './harness.ts';

const DEG = Math.PI / 180;
const CALLS = 200_000;
const EPOCH = Date.UTC(2006, 5, 25, 8, 0, 0);
const MOLNIYA_1 = '1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813';
const MOLNIYA_2 = '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656';

function nsPerCall(orbit: SatelliteOrbit): number {
  const pos = new Float64Array(3);
  const vel = new Float64Array(3);
  let sink = 0;
  const ms = medianMs(() => {
    for (let i = 0; i < CALLS; i++) {
      orbit.state(pos, vel, i * 0.5);
      sink += pos[0]!;
    }
  });
  if (Number.isNaN(sink)) throw new Error('propagation failed in the benchmark');
  return (ms * 1e6) / CALLS;
}

export const suite: BenchSuite = {
  title: 'Satellite orbits (issue 3)',
  run(): BenchRow[] {
    const satrec = twoline2satrec(MOLNIYA_1, MOLNIYA_2);
    let sink = 0;
    const baselineNs =
      (medianMs(() => {
        for (let i = 0; i < CALLS; i++) sink += sgp4(satrec, i / 120)!.position.x;
      }) *
        1e6) /
      CALLS;
    if (Number.isNaN(sink)) throw new Error('baseline propagation failed');
    const molniya = makeOrbit(
      {
        kind: 'molniya',
        apogeeLonRad: -100 * DEG,
        perigeeAltM: 600_000,
        apogeeAltM: 39_700_000,
        incRad: 63.435 * DEG,
        argpRad: 270 * DEG,
        meanAnomalyRad: 1,
      },
      EPOCH,
    );
    const keplerNs = nsPerCall(molniya);
    const geoNs = nsPerCall(makeOrbit({ kind: 'geo', lonRad: 0 }, EPOCH));
    const sgp4Ns = nsPerCall(makeOrbit({ kind: 'tle', line1: MOLNIYA_1, line2: MOLNIYA_2 }, EPOCH));
    const ratio = (ns: number) =>
      `${(ns / baselineNs).toFixed(2)}× bare satellite.js sgp4 (${baselineNs.toFixed(0)} ns)`;
    return [
      { name: 'bare satellite.js sgp4() (baseline)', value: baselineNs, unit: 'ns/call' },
      {
        name: 'Keplerian + J2 state(), Molniya e = 0.74',
        value: keplerNs,
        unit: 'ns/call',
        target: '≤ 0.5× bare sgp4',
        met: keplerNs <= 0.5 * baselineNs,
        note: ratio(keplerNs),
      },
      { name: 'GEO slot state()', value: geoNs, unit: 'ns/call', note: ratio(geoNs) },
      {
        name: 'SGP4 state() (wrapper, m and m/s)',
        value: sgp4Ns,
        unit: 'ns/call',
        target: '≤ 1.2× bare sgp4',
        met: sgp4Ns <= 1.2 * baselineNs,
        note: ratio(sgp4Ns),
      },
    ];
  },
};
