// Flight model speed (issue 2): full-physics ICBM trajectories — staged boost with
// drag, coast with J2, re-entry, sampled every second — per second on one core, and
// the time to shape one launch onto its aim point. Baseline measured in the same
// process: the ideal two-body arc of the same range (no thrust, drag, J2 or
// staging), to show what the full model costs on this machine.
import { destination } from '../src/physics/geodesy.ts';
import { createRng } from '../src/physics/random.ts';
import { idealMinimumEnergy, integrateIdealFlight } from '../src/world/flight/ideal.ts';
import { shapeBallisticFlight } from '../src/world/flight/shaping.ts';
import { FlightSimulator } from '../src/world/flight/simulate.ts';
import { VEHICLES } from '../src/world/vehicles.ts';
import { type BenchRow, type BenchSuite, medianMs, peakRssMb } from './harness.ts';

const DEG = Math.PI / 180;

export const suite: BenchSuite = {
  title: 'Flight model (issue 2)',
  run(): BenchRow[] {
    const sim = new FlightSimulator();
    const launch = { latRad: 55 * DEG, lonRad: 90 * DEG, hM: 0 };
    const aimPoint = destination(new Float64Array(3), launch.latRad, launch.lonRad, 30 * DEG, 10_000e3);
    const aim = { latRad: aimPoint[0]!, lonRad: aimPoint[1]! };
    const shaped = shapeBallisticFlight(VEHICLES['icbm-solid'], launch, aim, { kind: 'min-energy' }, 0, sim);

    const n = 200;
    let samples = 0;
    const flyAll = () => {
      for (let i = 0; i < n; i++) {
        const f = sim.fly(VEHICLES['icbm-solid'], launch, shaped.program, {
          gmstAtLaunch: i * 0.01,
          maxFlightS: 10_800,
          sampleEveryS: 1,
        });
        samples = f.samples!.count;
      }
    };
    const fullMs = medianMs(flyAll, 5, 1) / n;
    const ideal = idealMinimumEnergy(10_000e3);
    const idealMs =
      medianMs(
        () => {
          for (let i = 0; i < n; i++) integrateIdealFlight(ideal.burnoutSpeedMps, ideal.burnoutAngleRad);
        },
        5,
        1,
      ) / n;
    const perSecond = 1000 / fullMs;

    // Shaping: random ballistic launches within each class's reach, seeded.
    const rng = createRng(2026, 'bench-shaping');
    const cases: Array<() => void> = [];
    const classes = [
      ['icbm-solid', 3000, 10000],
      ['icbm-liquid', 3000, 12000],
      ['slbm', 1500, 8000],
      ['irbm', 1500, 4500],
      ['mrbm', 800, 2500],
      ['srbm', 150, 550],
    ] as const;
    for (let i = 0; i < 60; i++) {
      const [cls, lo, hi] = classes[i % classes.length]!;
      const from = {
        latRad: (rng.uniform() * 120 - 60) * DEG,
        lonRad: (rng.uniform() * 360 - 180) * DEG,
        hM: 0,
      };
      const to = destination(
        new Float64Array(3),
        from.latRad,
        from.lonRad,
        rng.uniform() * 2 * Math.PI,
        (lo + rng.uniform() * (hi - lo)) * 1000,
      );
      cases.push(() =>
        shapeBallisticFlight(
          VEHICLES[cls],
          from,
          { latRad: to[0]!, lonRad: to[1]! },
          { kind: 'min-energy' },
          0,
          sim,
        ),
      );
    }
    for (const c of cases.slice(0, 6)) c(); // warm up
    const times: number[] = [];
    let worstMiss = 0;
    for (const c of cases) {
      const t0 = performance.now();
      c();
      times.push(performance.now() - t0);
    }
    for (const c of cases)
      worstMiss = Math.max(worstMiss, (c as unknown as () => { missM: number })()?.missM ?? 0);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;

    return [
      {
        name: 'full ICBM trajectory, 1 s samples (10,000 km, ~2,200 s)',
        value: perSecond,
        unit: 'trajectories/s',
        target: '≥ 2000 trajectories/s',
        met: perSecond >= 2000,
        note: `${(fullMs * 1000).toFixed(0)} µs each, ${samples} samples in typed arrays; ideal two-body arc ${(idealMs * 1000).toFixed(0)} µs (full/ideal ${(fullMs / idealMs).toFixed(1)}×)`,
      },
      {
        name: 'shape one launch onto its aim point (60 random, min-energy)',
        value: median,
        unit: 'ms (median)',
        target: 'median < 10 ms, miss < 1 km',
        met: median < 10 && worstMiss < 1000,
        note: `p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms; worst miss ${worstMiss.toFixed(0)} m`,
      },
      { name: 'peak memory (process RSS)', value: peakRssMb(), unit: 'MB' },
    ];
  },
};
