// The flight programme a launch follows: launch azimuth (which fixes the inertial
// steering plane), a pitch programme (vertical rise, then the thrust's elevation above
// the local horizontal falls linearly through knots), and an optional cut-off of the
// last stage (thrust termination, the simplest energy management for shorter ranges).
// A coarse model of real guidance, enough to shape trajectories by range and apogee.

export interface FlightProgram {
  /** Launch azimuth in the inertial frame at lift-off, rad clockwise from north. */
  azimuthRad: number;
  /** Pitch (thrust elevation above the local horizontal) at the end of powered flight, rad. */
  pitchFinalRad: number;
  /** Pitch at the end of the first stage, rad; when absent the programme is one straight line. */
  pitchFirstStageRad?: number;
  /** Powered-flight end, s after launch (≤ the sum of burn times); absent: burn everything. */
  cutoffS?: number;
}

/** Knots of a piecewise-linear pitch programme, evaluated in the right-hand side. */
export interface PitchProgram {
  /** Knot times, s after launch, increasing. */
  times: Float64Array;
  /** Pitch at each knot, rad. */
  pitches: Float64Array;
}

const HALF_PI = Math.PI / 2;

/**
 * Builds the knots: π/2 until the vertical rise ends, then linear to the first-stage
 * pitch at first-stage burnout (when given) and to the final pitch at cut-off.
 */
export function makePitchProgram(
  program: FlightProgram,
  verticalRiseS: number,
  firstStageEndS: number,
  poweredEndS: number,
): PitchProgram {
  const times: number[] = [0, verticalRiseS];
  const pitches: number[] = [HALF_PI, HALF_PI];
  if (
    program.pitchFirstStageRad !== undefined &&
    firstStageEndS > verticalRiseS &&
    firstStageEndS < poweredEndS
  ) {
    times.push(firstStageEndS);
    pitches.push(program.pitchFirstStageRad);
  }
  times.push(Math.max(poweredEndS, verticalRiseS + 1e-3));
  pitches.push(program.pitchFinalRad);
  return { times: Float64Array.from(times), pitches: Float64Array.from(pitches) };
}

/** Pitch at time t (s after launch), rad; held at the last knot's value after it. */
export function pitchAt(p: PitchProgram, t: number): number {
  const times = p.times;
  const n = times.length;
  if (t <= times[0]!) return p.pitches[0]!;
  for (let i = 1; i < n; i++) {
    const tb = times[i]!;
    if (t <= tb) {
      const ta = times[i - 1]!;
      const u = tb > ta ? (t - ta) / (tb - ta) : 1;
      return p.pitches[i - 1]! + u * (p.pitches[i]! - p.pitches[i - 1]!);
    }
  }
  return p.pitches[n - 1]!;
}
