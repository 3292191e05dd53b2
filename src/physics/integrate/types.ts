// Shared types of the ODE integrators. A right-hand side writes dy/dt into an
// out-array so that stepping allocates nothing; time is in seconds (SI).

/** dy/dt = f(t, y): writes the derivative into `dydt` (same length as `y`), allocates nothing. */
export type Derivative = (t: number, y: Float64Array, dydt: Float64Array) => void;

/** Options of the adaptive Dormand–Prince 5(4) integrator. */
export interface Dopri5Options {
  /** Relative tolerance of the local error (dimensionless). */
  rtol: number;
  /** Absolute tolerance, in the units of each component: one number for all, or one per component. */
  atol: number | Float64Array;
  /** First step after each reset (s); estimated from the right-hand side when omitted. */
  hInitial?: number;
  /** Smallest step the controller may ask for before the integrator gives up (s); default 0. */
  hMin?: number;
  /** Largest step (s); default unbounded. */
  hMax?: number;
  /** Step attempts (accepted and rejected) allowed between resets; default 100,000. */
  maxSteps?: number;
}

/** Scalar event function g(t, y); an event happens where g crosses zero. Must not keep `y`. */
export type EventFunction = (t: number, y: Float64Array) => number;

/** Which zero crossings count: g going from negative to positive, positive to negative, or both. */
export type EventDirection = 'rising' | 'falling' | 'either';

export interface EventSpec {
  g: EventFunction;
  direction: EventDirection;
  /** Stop the integration at this event (e.g. ground impact) rather than only reporting it. */
  terminal: boolean;
}
