// What the warning centre knows about rocket classes: coarse public figures it
// compares a track against (DOMAIN.md §2, §1.2). Kept here, not taken from the
// simulator's vehicle models: a real centre works from its own threat library, and
// the centre must not read the world's truth (DESIGN.md §1).

export interface ClassSignature {
  id: string;
  label: string;
  /** Typical total boost duration, s (centre and half-width of the plausible band). */
  burnS: [number, number];
  /** Typical burnout speed relative to the Earth, m/s. */
  burnoutSpeedMps: [number, number];
  /** Range band, km. */
  rangeKm: [number, number];
  /** Where it is launched from: submarines at sea, everything else on land. */
  launchedFrom: 'land' | 'sea';
}

/** Ballistic missile classes by boost duration and burnout speed (DOMAIN.md §2, table 1.2). */
export const BALLISTIC_CLASSES: ClassSignature[] = [
  {
    id: 'icbm-liquid',
    label: 'liquid-propellant ICBM',
    burnS: [250, 60],
    burnoutSpeedMps: [6900, 600],
    rangeKm: [5500, 16000],
    launchedFrom: 'land',
  },
  {
    id: 'icbm-solid',
    label: 'solid-propellant ICBM',
    burnS: [170, 40],
    burnoutSpeedMps: [6900, 600],
    rangeKm: [5500, 15000],
    launchedFrom: 'land',
  },
  {
    id: 'slbm',
    label: 'SLBM',
    burnS: [160, 40],
    burnoutSpeedMps: [5500, 1500],
    rangeKm: [1000, 11000],
    launchedFrom: 'sea',
  },
  {
    id: 'irbm',
    label: 'IRBM',
    burnS: [110, 30],
    burnoutSpeedMps: [4800, 800],
    rangeKm: [3000, 5500],
    launchedFrom: 'land',
  },
  {
    id: 'mrbm',
    label: 'MRBM',
    burnS: [90, 30],
    burnoutSpeedMps: [3500, 700],
    rangeKm: [1000, 3000],
    launchedFrom: 'land',
  },
  {
    id: 'srbm',
    label: 'SRBM',
    burnS: [65, 25],
    burnoutSpeedMps: [1700, 600],
    rangeKm: [150, 1000],
    launchedFrom: 'land',
  },
];

/** Below this burnout flight-path angle a ballistic missile is on an ordinary path, rad (above: lofted or sounding). */
export const STEEP_PATH_RAD = (60 * Math.PI) / 180;

/** A space launch's powered flight lasts about 8–10 minutes (DOMAIN.md §2). */
export const SPACE_LAUNCH_MIN_BURN_S = 300;
