// How a tentative track starts from one unassociated measurement: the initial state and
// covariance. For a position measurement (one-point initiation, as Stone Soup's
// SimpleMeasurementInitiator): position = z with covariance R, velocity 0 with a wide
// prior σᵥ per axis (the reference uses 3 km/s), position and velocity uncorrelated.
// The second measurement then fixes the velocity through the ordinary Kalman update,
// which is the optimal two-point initiation for this prior.

export interface Initiator {
  readonly stateDim: number;
  /** Writes the initial state x (n) and covariance P (n×n) of a track started from z. */
  initialise(x: Float64Array, P: Float64Array, z: Float64Array): void;
}

/** For the state [x, y, z, vx, vy, vz]: R (3×3, m²) and the velocity prior σᵥ (m/s). */
export function createPositionInitiator(R: Float64Array, velocityStd: number): Initiator {
  const noise = Float64Array.from(R);
  const velocityVariance = velocityStd * velocityStd;
  return {
    stateDim: 6,
    initialise(x, P, z) {
      for (let k = 0; k < 3; k++) {
        x[k] = z[k]!;
        x[3 + k] = 0;
      }
      P.fill(0, 0, 36);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) P[i * 6 + j] = noise[i * 3 + j]!;
        P[(3 + i) * 7] = velocityVariance;
      }
    },
  };
}
