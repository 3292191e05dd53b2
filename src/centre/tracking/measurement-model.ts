// What a sensor measures of a state: z = h(x) + v, v ~ N(0, R). The filters use h, its
// Jacobian H = ∂h/∂x (exact for a linear model, the EKF linearisation otherwise), R, and
// a residual z − ẑ that a model with angles wraps to (−π, π]. All write into `out`.

export interface MeasurementModel {
  /** Length of a measurement vector. */
  readonly measDim: number;
  /** Length of the state vector the model reads. */
  readonly stateDim: number;
  /** out (m) = h(x). */
  measure(out: Float64Array, x: Float64Array): Float64Array;
  /** out (m×n) = ∂h/∂x at x. */
  jacobian(out: Float64Array, x: Float64Array): Float64Array;
  /** out (m×m) = measurement noise covariance R at x. */
  noise(out: Float64Array, x: Float64Array): Float64Array;
  /** out (m) = z − ẑ, wrapped where the model has angles; `out` may be `z`. */
  residual(out: Float64Array, z: Float64Array, zPredicted: Float64Array): Float64Array;
}
