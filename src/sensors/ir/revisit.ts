// When an IR sensor looks at a point (issue 3; DOMAIN.md §3.2, §3.5).
// Scanner: a DSP-like sensor spins about its nadir axis and sweeps a detector line
// across the disk once per revisit period T, starting from the sensor frame's north at
// t = 0 and turning towards east. A point at sensor-frame azimuth φ is swept at
// t = (k + φ/2π)·T in turn k: each point is revisited every T, and points at different
// azimuths are seen at different moments of the turn.
// Starer: a frame of the whole field of regard every T, at t = k·T.

const TWO_PI = 2 * Math.PI;

export type RevisitKind = 'scanner' | 'starer';

/** Time of the look at a point at sensor azimuth azRad (in [0, 2π)) during turn or frame k, s. */
export function lookTimeS(kind: RevisitKind, revisitS: number, k: number, azRad: number): number {
  return kind === 'scanner' ? (k + azRad / TWO_PI) * revisitS : k * revisitS;
}
