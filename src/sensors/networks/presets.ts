// Preset sensor networks. Every site and sector is an approximation from open
// sources (DOMAIN.md §3–4, mostly [U] hobbyist compilations), and every performance
// figure is a coarse simulator default — illustrative, never real system performance.
import type { RadarSpec, SatelliteSpec } from '../../scenario/scenario.ts';
import {
  DSP_LIKE_SCANNER,
  geo,
  molniya,
  OKO_LIKE_LIMB,
  radar,
  satellite,
  sectorFaces,
} from './build-helpers.ts';

export interface NetworkPreset {
  name: string;
  description: string;
  satellites: SatelliteSpec[];
  radars: RadarSpec[];
}

// --- Radars (DOMAIN.md §4.1–4.3; coverage sectors, elevations and ranges as given there) ---

const UEWR = { minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5556, band: 'UHF' as const };
const VORONEZH = { minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 4200, band: 'VHF' as const };
const VORONEZH_DM = { ...VORONEZH, band: 'UHF' as const };

const US_UK_RADARS: RadarSpec[] = [
  // §4.2: two 120° faces per PAVE PAWS/UEWR site, boresights derived in DOMAIN.md.
  radar('beale', 39.136, -121.351, [
    { ...UEWR, boresightDeg: 186 },
    { ...UEWR, boresightDeg: 306 },
  ]),
  radar('cape-cod', 41.755, -70.539, [
    { ...UEWR, boresightDeg: 47 },
    { ...UEWR, boresightDeg: 167 },
  ]),
  radar('clear', 64.291, -149.187, [
    { ...UEWR, boresightDeg: 244 },
    { ...UEWR, boresightDeg: 4 },
  ]),
  radar('thule', 76.57, -68.299, [
    { ...UEWR, boresightDeg: 357 },
    { ...UEWR, boresightDeg: 117 },
  ]),
  radar('fylingdales', 54.362, -0.67, [
    { ...UEWR, boresightDeg: 0, maxRangeKm: 4800 },
    { ...UEWR, boresightDeg: 120, maxRangeKm: 4800 },
    { ...UEWR, boresightDeg: 240, maxRangeKm: 4800 },
  ]),
  radar('cavalier', 48.725, -97.9, [
    { boresightDeg: 8, minElevationDeg: 1.9, maxElevationDeg: 90, maxRangeKm: 3300, band: 'UHF' },
  ]),
];

const RUSSIAN_RADARS: RadarSpec[] = [
  // §4.1: Voronezh ranges default to the conservative 4,200 km (§4.1 "class-level claims").
  radar(
    'olenegorsk',
    68.114,
    33.91,
    sectorFaces(280, 340, { minElevationDeg: 5.5, maxElevationDeg: 34.5, maxRangeKm: 4600, band: 'VHF' }),
  ),
  radar(
    'pechora',
    65.21,
    57.295,
    sectorFaces(305, 55, { minElevationDeg: 2, maxElevationDeg: 55, maxRangeKm: 6000, band: 'VHF' }),
  ),
  radar('lekhtusi', 60.275, 30.546, sectorFaces(245, 355, VORONEZH)),
  radar('armavir', 44.925, 40.984, sectorFaces(55, 295, VORONEZH_DM)),
  radar('pionersky', 54.857, 20.182, sectorFaces(180, 300, VORONEZH_DM)),
  radar('mishelevka', 52.856, 103.232, sectorFaces(10, 250, VORONEZH)),
  radar('barnaul', 53.139, 83.681, sectorFaces(110, 230, VORONEZH_DM)),
  radar('yeniseysk', 58.506, 92.046, sectorFaces(330, 90, VORONEZH_DM)),
  radar('orsk', 51.273, 58.959, sectorFaces(120, 240, VORONEZH)),
];

const CHINA_REPORTED_RADARS: RadarSpec[] = [
  // §4.3 [U, hobbyist]: reported sites; performance assumed, not published.
  radar(
    'korla',
    41.64,
    86.24,
    sectorFaces(0, 360, { minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 4000, band: 'UHF' }),
  ),
  radar(
    'huanan',
    46.53,
    130.76,
    sectorFaces(0, 120, { minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 3000, band: 'X' }),
  ),
  radar(
    'linan',
    30.29,
    119.13,
    sectorFaces(30, 150, { minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 4000, band: 'UHF' }),
  ),
  radar('shandong', 36.02, 118.09, [
    { boresightDeg: 104, minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 4000, band: 'VHF' },
    { boresightDeg: 164, minElevationDeg: 2, maxElevationDeg: 70, maxRangeKm: 4000, band: 'VHF' },
  ]),
];

// --- Satellites (DOMAIN.md §3.2–3.4) ---

/** DSP/SBIRS-like geostationary scanners, 10 s revisit (§3.2 [U]), spread to see the whole Earth's mid-latitudes. */
const GLOBAL_GEO: SatelliteSpec[] = [
  satellite('geo-w150', geo(-150)),
  satellite('geo-w80', geo(-80)),
  satellite('geo-e10', geo(10)),
  satellite('geo-e80', geo(80)),
  satellite('geo-e150', geo(150)),
];

/** Two 12-hour look-down HEO satellites, 180° apart in phase, for the Arctic that GEO sees only at grazing angles (§3.1). */
const NORTHERN_HEO: SatelliteSpec[] = [
  satellite('heo-1', molniya(-100, 180), DSP_LIKE_SCANNER),
  satellite('heo-2', molniya(-100, 0), DSP_LIKE_SCANNER),
];

/** An Oko-like limb-viewing HEO constellation (§3.3), four satellites evenly phased. */
const OKO_LIKE: SatelliteSpec[] = [0, 90, 180, 270].map((m, i) =>
  satellite(`oko-${i + 1}`, molniya(-60, m), OKO_LIKE_LIMB),
);

/** EKS-like look-down Molniya satellites (§3.4: 1,645 × 38,540 km, 63.8°). */
const EKS_LIKE: SatelliteSpec[] = [0, 90, 180, 270].map((m, i) =>
  satellite(`eks-${i + 1}`, molniya(-60, m, 1645, 38_540), DSP_LIKE_SCANNER),
);

export const NETWORK_PRESETS: Record<string, NetworkPreset> = {
  default: {
    name: 'default',
    description:
      'Illustrative global network: five geostationary IR scanners, two northern HEO look-down satellites, and the US/UK and Russian early-warning radars of DOMAIN.md §4 (approximate public sites)',
    satellites: [...GLOBAL_GEO, ...NORTHERN_HEO],
    radars: [...US_UK_RADARS, ...RUSSIAN_RADARS],
  },
  'us-uk': {
    name: 'us-uk',
    description:
      'DSP/SBIRS-like geostationary scanners and the BMEWS/PAVE PAWS/UEWR radars (DOMAIN.md §3.2, §4.2)',
    satellites: [
      satellite('dsp-w135', geo(-135)),
      satellite('dsp-w35', geo(-35)),
      satellite('dsp-e70', geo(70)),
      ...NORTHERN_HEO,
    ],
    radars: US_UK_RADARS,
  },
  russia: {
    name: 'russia',
    description:
      'EKS-like look-down HEO satellites and the Voronezh/Daryal/Dnepr radars (DOMAIN.md §3.4, §4.1)',
    satellites: EKS_LIKE,
    radars: RUSSIAN_RADARS,
  },
  'oko-1983': {
    name: 'oko-1983',
    description:
      'An Oko-like limb-viewing HEO constellation with no radar that can see North America (DOMAIN.md §3.3, §6.3)',
    satellites: OKO_LIKE,
    radars: RUSSIAN_RADARS.filter((r) => r.id === 'pechora' || r.id === 'olenegorsk'),
  },
  'china-reported': {
    name: 'china-reported',
    description:
      'The reported Chinese large phased-array radar sites (DOMAIN.md §4.3 [U]) with EKS-like HEO satellites standing in for the reported satellite echelon',
    satellites: EKS_LIKE,
    radars: CHINA_REPORTED_RADARS,
  },
  none: {
    name: 'none',
    description: 'No sensors (a base for fully written-out networks)',
    satellites: [],
    radars: [],
  },
};
