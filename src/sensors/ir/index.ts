// Space infrared early-warning sensors: the satellite sensor model and the physics it
// is built from (geometry, detection, sun glint, heat sources).
export { BurnCursor, BurnIndex, burnIndexOf } from './burn-index.ts';
export {
  CALIBRATION_RANGE_M,
  CALIBRATION_SNR,
  DEFAULT_SCANNER_NEI_W_PER_M2,
  DETECTION_THRESHOLD_SNR,
  detectionProbability,
  drawDetection,
  irradianceWPerM2,
  measuredRelIntensity,
  neiOf,
  PIXEL_FALSE_ALARM_PROBABILITY,
  PLUME_REFERENCE_INTENSITY_W_PER_SR,
  STARER_NEI_FACTOR,
} from './detection.ts';
export { erfc, gaussianQ, gaussianQInverse } from './gaussian-tail.ts';
export {
  altitudeM,
  diskHalfAngleRad,
  inGroundCircle,
  isOccluded,
  isSunExcluded,
  localEarthRadiusM,
  offNadirRad,
  rayMinAltitudeM,
  SUN_EXCLUSION_HALF_ANGLE_RAD,
  tangentAltitudeBeyondM,
} from './geometry.ts';
export {
  type CloudPoint,
  createCloudPoint,
  DEFAULT_GLINT_INTENSITY,
  fieldGlintPoint,
  GLINT_CUTOFF_WIDTHS,
  glintAngleRad,
  glintIntensity,
  setCloudPoint,
  specularDirection,
  specularPoint,
} from './glint.ts';
export { DEFAULT_HEAT_SOURCE_INTENSITY, heatSourceIntensity, heatSourcePosition } from './heat-source.ts';
export { assumedRangeM, perturbLineOfSight, sensorAzEl } from './line-of-sight.ts';
export { lookTimeS, type RevisitKind } from './revisit.ts';
export { type IrDegradation, IrSatelliteSensor, irSensor } from './satellite-sensor.ts';
export {
  glintInView,
  heatSourceInView,
  LIMB_VIEW_DEPTH_RAD,
  LOOK_DOWN_SHELL_M,
  plumeInView,
  type ViewMode,
} from './view-rules.ts';
