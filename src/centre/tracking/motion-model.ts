// How a state moves between times, as the filters see it: the propagation x ↦ f(x, dt),
// its Jacobian F = ∂f/∂x and the process noise Q(dt) accumulated over the step. A
// linear model has f(x) = F·x; an extended (EKF) or unscented filter uses the same
// three functions. All write into `out` and allocate nothing.

export interface MotionModel {
  /** Length of the state vector. */
  readonly stateDim: number;
  /** out (n) = f(x, dt); `out` may be `x`. */
  propagate(out: Float64Array, x: Float64Array, dt: number): Float64Array;
  /** out (n×n) = ∂f/∂x at x over dt. */
  jacobian(out: Float64Array, x: Float64Array, dt: number): Float64Array;
  /** out (n×n) = process noise covariance Q over dt (may depend on x). */
  processNoise(out: Float64Array, x: Float64Array, dt: number): Float64Array;
}
