// The loaded scenario, normalised for the core (DESIGN.md §3): times in seconds
// after the epoch, lengths in metres, angles in radians, rates per second, every
// default applied and every "one of these forms" choice made explicit. The names
// carry the units. `events[i]` is the file's `events[i]`, so later checks can point
// back into the text with `scenarioProblem(scenario.source, ['events', i, …], …)`.

import type { PolicyFile } from './schema.ts';
import type { LaunchClass, SensorFaultKind, TrajectoryProfile } from './schema-events.ts';
import type { RADAR_BANDS } from './schema-network.ts';
import type {
  GROUP_LAUNCH_KINDS,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_REGIMES,
  NOTIFIED_VEHICLE_CLASSES,
  OCEANS,
  QUADRANTS,
} from './schema-notifications.ts';

/** A point on the WGS-84 ellipsoid, geodetic latitude and longitude in radians. */
export interface GeoPoint {
  latRad: number;
  lonRad: number;
}

export interface GeoCircle {
  center: GeoPoint;
  radiusM: number;
}

export type DefendedArea = { kind: 'country'; name: string } | { kind: 'polygon'; vertices: GeoPoint[] };

/** How a launch is steered: to an aim point, along an azimuth, or into an orbit inclination. */
export type LaunchAim =
  | { kind: 'target'; to: GeoPoint }
  | { kind: 'azimuth'; azimuthRad: number }
  | { kind: 'inclination'; inclinationRad: number };

export interface LaunchSpec {
  type: 'launch';
  id: string;
  vehicleClass: LaunchClass;
  from: GeoPoint;
  /** `target` for ballistic classes; `azimuth` or `inclination` for slv; `target` or `azimuth` for sounding rockets. */
  aim: LaunchAim;
  /** Launch time of the first (or only) vehicle, s after the epoch. */
  atS: number;
  /** Ballistic classes: the profile, `min-energy` unless the file gave one or an apogee; otherwise null. */
  profile: TrajectoryProfile | null;
  /** Target apogee altitude, m (ballistic classes and sounding rockets), or null for the class default. */
  apogeeM: number | null;
  /** Salvo size; vehicle k (0-based) launches at atS + k·spacingS. */
  count: number;
  spacingS: number;
  notes: string | null;
}

export interface GlintSpec {
  type: 'glint';
  id: string;
  region: GeoCircle;
  fromS: number;
  untilS: number;
  /** Cloud-top altitude of the glinting field, m; null: the weather cloud top. */
  cloudTopM: number | null;
  angularWidthRad: number;
  /** Relative to a solid-ICBM first-stage plume (= 1); null: the sensor model's default. */
  intensity: number | null;
}

export interface HeatSourceSpec {
  type: 'heat-source';
  id: string;
  site: GeoPoint;
  fromS: number;
  untilS: number;
  /** Relative to a solid-ICBM first-stage plume (= 1); null: the sensor model's default. */
  intensity: number | null;
}

export interface SensorFaultSpec {
  type: 'sensor-fault';
  id: string;
  sensorId: string;
  kind: SensorFaultKind;
  fromS: number;
  untilS: number;
  /** For `replay`: what the feed carries (e.g. `exercise-attack`); null otherwise. */
  source: string | null;
}

export interface FalseAlarmsSpec {
  type: 'false-alarms';
  id: string;
  /** A sensor id, or `*` for every sensor. */
  sensorId: string;
  /** Poisson rate of false reports, per second. */
  ratePerS: number;
  fromS: number;
  untilS: number;
}

export type EventSpec = LaunchSpec | GlintSpec | HeatSourceSpec | SensorFaultSpec | FalseAlarmsSpec;

export type OrbitSpec =
  | { kind: 'geo'; lonRad: number }
  | {
      kind: 'molniya';
      /** Longitude of the apogee pass nearest the epoch. */
      apogeeLonRad: number;
      /** Altitudes above the WGS-84 equatorial radius, m. */
      perigeeAltM: number;
      apogeeAltM: number;
      incRad: number;
      argpRad: number;
      /** Mean anomaly at the scenario epoch. */
      meanAnomalyRad: number;
    }
  | {
      kind: 'tundra';
      apogeeLonRad: number;
      e: number;
      incRad: number;
      argpRad: number;
      meanAnomalyRad: number;
    }
  | {
      kind: 'keplerian';
      /** Semi-major axis, m. */
      aM: number;
      e: number;
      incRad: number;
      raanRad: number;
      argpRad: number;
      meanAnomalyRad: number;
      /** Epoch of the elements, s after the scenario epoch (negative: before it). */
      elementsEpochS: number;
    }
  | { kind: 'tle'; line1: string; line2: string };

export interface IrSensorSpec {
  mode: 'look-down' | 'limb';
  kind: 'scanner' | 'starer';
  revisitS: number;
  /** Line-of-sight noise (1σ per axis), rad. */
  sigmaRad: number;
  /** Region watched; null: the whole visible disk. */
  fieldOfRegard: GeoCircle | null;
  limbMarginM: number;
  neiWPerM2: number | null;
}

export interface SatelliteSpec {
  id: string;
  orbit: OrbitSpec;
  sensor: IrSensorSpec;
}

export interface RadarFaceSpec {
  /** The file's id, or `<radar id>:<face number from 1>`. */
  id: string;
  boresightRad: number;
  halfWidthRad: number;
  minElevationRad: number;
  maxElevationRad: number;
  maxRangeM: number;
  band: (typeof RADAR_BANDS)[number];
  revisitS: number;
  rangeSigmaM: number;
  angleSigmaRad: number;
  /** SNR of 1 m² at refRangeM, dB; both null: calibrate from maxRangeM. */
  refSnrDb: number | null;
  refRangeM: number | null;
  rejectFoldedEchoes: boolean;
  unambiguousRangeM: number | null;
  /** False-alarm probability per resolution cell per look; absent: the sensors' default. */
  pfa?: number;
  /** Mean false plots per scan, replacing Pfa × resolution cells. */
  falsePlotsPerScan?: number;
  /** Whether plots carry range rate; absent: by band. */
  measuresRangeRate?: boolean;
}

export interface RadarSpec {
  id: string;
  site: GeoPoint & { altM: number };
  faces: RadarFaceSpec[];
}

export interface DegradeSpec {
  id: string;
  /** Multiplies Pd (1 = unchanged). */
  pdFactor: number;
  /** Multiplies measurement noise (1 = unchanged). */
  sigmaFactor: number;
}

export interface NetworkSpec {
  /** The base preset (`default` unless the file names another; `none` is empty). */
  preset: string;
  /** Added to the preset's sensors. */
  satellites: SatelliteSpec[];
  radars: RadarSpec[];
  /** Sensor or face ids switched off. */
  disabled: string[];
  degraded: DegradeSpec[];
}

export interface WeatherSpec {
  cloudTopM: number;
  regions: Array<GeoCircle & { cloudTopM: number }>;
}

export type LaunchAreaSpec =
  | ({ kind: 'circle' } & GeoCircle)
  | { kind: 'polygon'; vertices: GeoPoint[] }
  | { kind: 'ocean-quadrant'; ocean: (typeof OCEANS)[number]; quadrant: (typeof QUADRANTS)[number] }
  | { kind: 'named-water'; name: string };

export type ImpactAreaSpec = ({ kind: 'circle' } & GeoCircle) | { kind: 'polygon'; vertices: GeoPoint[] };

export interface NotificationSpec {
  id: string;
  regime: (typeof NOTIFICATION_REGIMES)[number];
  kind: (typeof NOTIFICATION_KINDS)[number];
  /** For cancellation and update: the notification it changes; otherwise null. */
  refersTo: string | null;
  /** s after the scenario epoch (negative: before the run starts). */
  issuedS: number;
  vehicleClass: (typeof NOTIFIED_VEHICLE_CLASSES)[number];
  window: { startS: number; endS: number };
  launchArea: LaunchAreaSpec;
  plannedDirectionRad: number | null;
  impactAreas: ImpactAreaSpec[];
  numberOfLaunches: number | null;
  groupLaunch: (typeof GROUP_LAUNCH_KINDS)[number] | null;
  payloadOrbit: {
    inclinationRad: number | null;
    apogeeAltM: number | null;
    perigeeAltM: number | null;
  } | null;
  channel: (typeof NOTIFICATION_CHANNELS)[number];
  delivered: boolean;
  /** When it reached the centre, s after the epoch (its `deliveredAt`, else when issued); null if never. */
  deliveredS: number | null;
}

/** Alert-ladder policy with every default applied (the file's names are already SI). */
export type PolicySpec = PolicyFile;

export interface CentreSpec {
  id: string;
  /** The centre's own network, or the scenario's. */
  network: NetworkSpec;
  /** The centre's own territory, or the scenario's. */
  defended: DefendedArea[];
}

export interface Scenario {
  name: string;
  description: string | null;
  /** The epoch as a canonical UTC ISO string (`2026-05-01T12:00:00Z`). */
  epochIso: string;
  epochUnixMs: number;
  durationS: number;
  seed: number;
  defended: DefendedArea[];
  events: EventSpec[];
  network: NetworkSpec;
  /** null: no weather given; sensors use their own default cloud top. */
  weather: WeatherSpec | null;
  notifications: NotificationSpec[];
  policy: PolicySpec;
  /** Empty: one centre watching with `network` and defending `defended`. */
  centres: CentreSpec[];
  /** Where it came from, to locate problems found after loading (see scenarioProblem). */
  source: { name: string; text: string };
}
