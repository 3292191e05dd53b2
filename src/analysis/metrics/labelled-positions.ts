// The positions of one scan with an integer label each: truth ids for ground truth,
// track ids for estimates. The common input of the scan-by-scan metrics.

export interface LabelledPositions {
  /** Labels, one per position. */
  ids: Int32Array;
  /** [x, y, z] per label, back to back (m). */
  positions: Float64Array;
}
