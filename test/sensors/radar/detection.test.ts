import { describe, expect, it } from 'vitest';
import {
  albersheimPd,
  albersheimSnrDb,
  calibratedRefSnrDb,
  dbToRatio,
  ratioToDb,
  snrAtRange,
  steadyTargetPd,
  swerling1Pd,
  swerling3Pd,
} from '../../../src/sensors/radar/detection.ts';

// Independent numerical detection probabilities, written here from first principles:
// the square-law detector output y for echo power s has the Rician tail
// P[y > T] = Q₁(√(2s), √(2T)) = ∫_{√(2T)}^∞ x·exp(−(x² + a²)/2)·I₀(a·x) dx, a = √(2s),
// with the scaled Bessel function I₀(z)·e^(−z) (power series below z = 30, Hankel's
// asymptotic series above, both good to ~1e-9) so nothing overflows.
function scaledBesselI0(z: number): number {
  if (z < 30) {
    let term = 1;
    let sum = 1;
    const q = (z * z) / 4;
    for (let k = 1; k < 200 && term > 1e-17 * sum; k++) {
      term *= q / (k * k);
      sum += term;
    }
    return sum * Math.exp(-z);
  }
  const w = 1 / (8 * z);
  return (1 + w + (9 / 2) * w * w + (225 / 6) * w * w * w) / Math.sqrt(2 * Math.PI * z);
}

function marcumQ1(a: number, b: number): number {
  const upper = Math.max(a, b) + 12;
  const n = 2000;
  const h = (upper - b) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const x = b + i * h;
    const f = x * Math.exp(-((x - a) * (x - a)) / 2) * scaledBesselI0(a * x);
    sum += (i === 0 || i === n ? 0.5 : 1) * f;
  }
  return sum * h;
}

function numericSteadyPd(snr: number, pfa: number): number {
  return marcumQ1(Math.sqrt(2 * snr), Math.sqrt(-2 * Math.log(pfa)));
}

/** Mean of the steady-target Pd over a χ² RCS with `dof` degrees of freedom (mean snr), by quadrature. */
function numericFluctuatingPd(meanSnr: number, pfa: number, dof: 2 | 4): number {
  const theta = meanSnr / (dof / 2);
  const n = 300;
  const top = 30 * theta;
  const h = top / n;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = (i + 0.5) * h;
    const pdf = dof === 2 ? Math.exp(-s / theta) / theta : (s / (theta * theta)) * Math.exp(-s / theta);
    sum += pdf * numericSteadyPd(s, pfa) * h;
  }
  return sum;
}

describe("Albersheim's equation (DOMAIN.md §5.2)", () => {
  const table: Array<[number, number, number, number]> = [
    [0.9, 1e-6, 1, 13.115],
    [0.5, 1e-6, 1, 11.232],
    [0.9, 1e-4, 1, 11.674],
    [0.9, 1e-6, 10, 4.99],
    [0.9, 1e-6, 100, -1.26],
    [0.8, 1e-5, 4, 6.87],
  ];

  for (const [pd, pfa, n, snrDb] of table) {
    it(`needs ${snrDb} dB for Pd ${pd}, Pfa ${pfa}, N ${n} (to 0.01 dB)`, () => {
      expect(Math.abs(albersheimSnrDb(pd, pfa, n) - snrDb)).toBeLessThan(0.01);
    });

    it(`inverts ${snrDb} dB back to Pd ${pd} (Pfa ${pfa}, N ${n})`, () => {
      expect(albersheimPd(snrDb, pfa, n)).toBeCloseTo(pd, 3);
    });
  }

  it('round-trips Pd → SNR → Pd across the stated validity range', () => {
    for (const pd of [0.1, 0.3, 0.6, 0.85, 0.9])
      for (const pfa of [1e-7, 1e-5, 1e-3])
        for (const n of [1, 3, 30, 1000])
          expect(albersheimPd(albersheimSnrDb(pd, pfa, n), pfa, n)).toBeCloseTo(pd, 12);
  });

  it('gives a higher Pd at a higher SNR', () => {
    expect(albersheimPd(12, 1e-6)).toBeGreaterThan(albersheimPd(11, 1e-6));
  });
});

describe('Swerling I, one look (DOMAIN.md §5.3)', () => {
  it('Pfa 1e-6: 10 dB → 0.2848, 13 dB → 0.5172, 20 dB → 0.8722', () => {
    expect(swerling1Pd(dbToRatio(10), 1e-6)).toBeCloseTo(0.2848, 4);
    expect(swerling1Pd(dbToRatio(13), 1e-6)).toBeCloseTo(0.5172, 4);
    expect(swerling1Pd(dbToRatio(20), 1e-6)).toBeCloseTo(0.8722, 4);
  });

  it('equals the steady-target Pd averaged over an exponential RCS (numerical, to 1e-3)', () => {
    for (const db of [8, 13, 18]) {
      expect(
        Math.abs(swerling1Pd(dbToRatio(db), 1e-6) - numericFluctuatingPd(dbToRatio(db), 1e-6, 2)),
      ).toBeLessThan(1e-3);
    }
  });
});

describe('Swerling III, one look', () => {
  it("equals Marcum's published form (Mahafza & Elsherbeni 2004, eq. 2.81, n_P = 1)", () => {
    for (const db of [0, 5, 10, 13, 20, 30]) {
      for (const pfa of [1e-4, 1e-6, 1e-9]) {
        const snr = dbToRatio(db);
        const vt = -Math.log(pfa);
        const k0 = 1 + vt / (1 + snr / 2) + 2 / snr;
        const published = Math.exp(-vt / (1 + snr / 2)) * (1 + 2 / snr) ** -1 * k0;
        expect(swerling3Pd(snr, pfa)).toBeCloseTo(published, 12);
      }
    }
  });

  it('equals the steady-target Pd averaged over a χ² (4 DOF) RCS (numerical, to 1e-3)', () => {
    for (const db of [8, 13, 18]) {
      expect(
        Math.abs(swerling3Pd(dbToRatio(db), 1e-6) - numericFluctuatingPd(dbToRatio(db), 1e-6, 4)),
      ).toBeLessThan(1e-3);
    }
  });

  it('lies between Swerling I and the steady target at high Pd (one dominant scatterer fluctuates less)', () => {
    const snr = dbToRatio(20);
    expect(swerling3Pd(snr, 1e-6)).toBeGreaterThan(swerling1Pd(snr, 1e-6));
    expect(swerling3Pd(snr, 1e-6)).toBeLessThan(steadyTargetPd(snr, 1e-6));
  });
});

describe('Steady target, exact square law', () => {
  it('gives 0.891 at 13.115 dB, Pfa 1e-6 (DOMAIN.md §5.2 cross-check)', () => {
    expect(steadyTargetPd(dbToRatio(13.115), 1e-6)).toBeCloseTo(0.891, 3);
  });

  it('needs 13.18 dB for Pd 0.9 at Pfa 1e-6 (sdr docs, DOMAIN.md §5.2)', () => {
    expect(Math.abs(steadyTargetPd(dbToRatio(13.18), 1e-6) - 0.9)).toBeLessThan(0.002);
  });

  it('matches a numerical Marcum Q integral from −10 to 25 dB (to 1e-6)', () => {
    for (const db of [-10, 0, 5, 10, 12, 15, 20, 25]) {
      for (const pfa of [1e-3, 1e-6, 1e-9]) {
        expect(
          Math.abs(steadyTargetPd(dbToRatio(db), pfa) - numericSteadyPd(dbToRatio(db), pfa)),
        ).toBeLessThan(1e-6);
      }
    }
  });

  it('tends to Pfa with no signal and to 1 with a huge one', () => {
    expect(steadyTargetPd(0, 1e-6)).toBe(1e-6);
    expect(steadyTargetPd(1e-9, 1e-6)).toBeCloseTo(1e-6, 9);
    expect(steadyTargetPd(dbToRatio(60), 1e-6)).toBe(1);
  });
});

describe('radar equation in reference form (DOMAIN.md §5.1)', () => {
  it('loses 12.04 dB when the range doubles and gains 10 dB for ten times the RCS', () => {
    const ref = snrAtRange(20, 1000e3, 1, 1000e3);
    expect(ref).toBe(20);
    expect(ratioToDb(snrAtRange(20, 1000e3, 1, 2000e3) / ref)).toBeCloseTo(-40 * Math.log10(2), 10);
    expect(ratioToDb(snrAtRange(20, 1000e3, 10, 1000e3) / ref)).toBeCloseTo(10, 10);
  });

  it('calibration puts a steady 1 m² target at Pd 0.5 on the maximum range (11.23 dB at Pfa 1e-6)', () => {
    expect(calibratedRefSnrDb(1e-6)).toBeCloseTo(11.232, 3);
    const snr = snrAtRange(dbToRatio(calibratedRefSnrDb(1e-6)), 5556e3, 1, 5556e3);
    // Albersheim is within 0.2 dB of the exact square law, so Pd is 0.5 to within ~0.01.
    expect(Math.abs(steadyTargetPd(snr, 1e-6) - 0.5)).toBeLessThan(0.01);
  });
});
