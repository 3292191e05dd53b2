// Generic vehicle classes built from coarse public figures (DOMAIN.md §2). These are
// illustrative stand-ins, not models of any real missile: stage masses are rounded
// public orders of magnitude, burn times follow the DOMAIN.md §2 table (liquid ICBM
// ≈250 s, solid ICBM ≈170 s, IRBM/MRBM 1–2 min, SLV first stage 2–3 min), and the
// specific impulses are textbook values for the propellant type. Each class is
// calibrated only so that its reach matches its class's public range band (checked
// in test/world/vehicles.test.ts), never to a particular flight.
import { LAUNCH_CLASSES, type LaunchClass } from '../scenario/schema-events.ts';

/** The class names are a contract (DESIGN.md §5); the scenario format defines them. */
export const VEHICLE_CLASSES = LAUNCH_CLASSES;

export type VehicleClass = LaunchClass;

export interface Stage {
  /** Gross mass of the stage including propellant, kg. */
  massKg: number;
  /** Propellant mass, kg. */
  propellantKg: number;
  /** Nominal burn duration, s (constant thrust and mass flow). */
  burnTimeS: number;
  /** Vacuum specific impulse, s. */
  ispS: number;
  /** Reference (cross-section) area of the stack while this stage burns, m². */
  areaM2: number;
  /** Ballistic coefficient of the spent stage falling alone (m / (Cd·A)), kg/m². */
  spentBetaKgM2: number;
  /** Radar cross-section of the spent stage, m² (DOMAIN.md §5.4: 1–10 m²). */
  spentRcsM2: number;
}

export interface Payload {
  /** What the payload is once separated. */
  kind: 'rv' | 'payload';
  massKg: number;
  /** Ballistic coefficient of the separated payload, kg/m². */
  betaKgM2: number;
  /** Radar cross-section, m² (DOMAIN.md §5.4: RV 0.001–0.01 m², bus 0.1–1 m²). */
  rcsM2: number;
}

export interface VehicleClassSpec {
  id: VehicleClass;
  label: string;
  /** Ballistic (aimed at a point), orbital (to orbit) or a sounding rocket. */
  mission: 'ballistic' | 'orbital' | 'sounding';
  stages: Stage[];
  payload: Payload;
  /** Vertical rise before the pitch programme starts, s. */
  verticalRiseS: number;
  /**
   * First-stage plume radiant intensity relative to a solid-ICBM first stage (= 1),
   * taken proportional to thrust (mass flow × specific impulse) [E]; upper stages scale
   * from it by their own thrust (world/generate.ts).
   */
  plumeIntensity: number;
  /** Public range band of the class, km (for reach checks and classification priors). */
  rangeBandKm: [number, number];
  /** Where the figures come from. */
  source: string;
}

/** Drag coefficient of a slender rocket body against Mach number (coarse textbook shape). */
export function rocketDragCoefficient(mach: number): number {
  if (mach < 0.8) return 0.25;
  if (mach < 1.2) return 0.25 + (0.5 - 0.25) * ((mach - 0.8) / 0.4);
  if (mach < 3) return 0.5 - (0.5 - 0.3) * ((mach - 1.2) / 1.8);
  return 0.3;
}

const ICBM_SOLID: VehicleClassSpec = {
  id: 'icbm-solid',
  label: 'Solid-propellant ICBM',
  mission: 'ballistic',
  stages: [
    {
      massKg: 23000,
      propellantKg: 20800,
      burnTimeS: 60,
      ispS: 267,
      areaM2: 2.54,
      spentBetaKgM2: 600,
      spentRcsM2: 10,
    },
    {
      massKg: 7200,
      propellantKg: 6300,
      burnTimeS: 60,
      ispS: 288,
      areaM2: 1.4,
      spentBetaKgM2: 400,
      spentRcsM2: 5,
    },
    {
      massKg: 3700,
      propellantKg: 3300,
      burnTimeS: 50,
      ispS: 290,
      areaM2: 1.4,
      spentBetaKgM2: 300,
      spentRcsM2: 3,
    },
  ],
  payload: { kind: 'rv', massKg: 600, betaKgM2: 10000, rcsM2: 0.01 },
  verticalRiseS: 8,
  plumeIntensity: 1,
  // ICBM by definition from 5,500 km; modern solid ICBMs are reported at 11,000 to
  // about 15,000 km (public figures for the Topol-M and DF-41 classes).
  rangeBandKm: [5500, 15000],
  source:
    'Three solid stages, total burn 170 s (DOMAIN.md §2, APS 2003 via IEEE Spectrum 2005); masses of the order of public Minuteman-III-class figures, rounded',
};

const ICBM_LIQUID: VehicleClassSpec = {
  id: 'icbm-liquid',
  label: 'Liquid-propellant ICBM',
  mission: 'ballistic',
  stages: [
    {
      massKg: 150000,
      propellantKg: 140000,
      burnTimeS: 150,
      ispS: 310,
      areaM2: 7.1,
      spentBetaKgM2: 800,
      spentRcsM2: 20,
    },
    {
      massKg: 40000,
      propellantKg: 37000,
      burnTimeS: 100,
      ispS: 330,
      areaM2: 7.1,
      spentBetaKgM2: 500,
      spentRcsM2: 10,
    },
  ],
  payload: { kind: 'rv', massKg: 6000, betaKgM2: 12000, rcsM2: 0.01 },
  verticalRiseS: 12,
  plumeIntensity: 3.1,
  rangeBandKm: [5500, 15000],
  source:
    'Two liquid stages, total burn 250 s (DOMAIN.md §2, APS 2003 via IEEE Spectrum 2005); heavy-ICBM orders of magnitude, rounded',
};

const SLBM: VehicleClassSpec = {
  id: 'slbm',
  label: 'Submarine-launched ballistic missile',
  mission: 'ballistic',
  stages: [
    {
      massKg: 25000,
      propellantKg: 22500,
      burnTimeS: 65,
      ispS: 270,
      areaM2: 3.3,
      spentBetaKgM2: 600,
      spentRcsM2: 10,
    },
    {
      massKg: 8500,
      propellantKg: 7500,
      burnTimeS: 60,
      ispS: 290,
      areaM2: 3.3,
      spentBetaKgM2: 400,
      spentRcsM2: 5,
    },
    {
      massKg: 2500,
      propellantKg: 2200,
      burnTimeS: 40,
      ispS: 290,
      areaM2: 1.5,
      spentBetaKgM2: 300,
      spentRcsM2: 3,
    },
  ],
  payload: { kind: 'rv', massKg: 950, betaKgM2: 10000, rcsM2: 0.01 },
  verticalRiseS: 6,
  plumeIntensity: 1,
  rangeBandKm: [1000, 11000],
  source: 'Three solid stages, boost comparable to or shorter than a solid ICBM (DOMAIN.md §2 [E]); rounded',
};

const IRBM: VehicleClassSpec = {
  id: 'irbm',
  label: 'Intermediate-range ballistic missile',
  mission: 'ballistic',
  stages: [
    {
      massKg: 14000,
      propellantKg: 12600,
      burnTimeS: 70,
      ispS: 265,
      areaM2: 1.8,
      spentBetaKgM2: 500,
      spentRcsM2: 5,
    },
    {
      massKg: 4500,
      propellantKg: 4000,
      burnTimeS: 50,
      ispS: 285,
      areaM2: 1.2,
      spentBetaKgM2: 300,
      spentRcsM2: 3,
    },
  ],
  payload: { kind: 'rv', massKg: 650, betaKgM2: 8000, rcsM2: 0.02 },
  verticalRiseS: 6,
  plumeIntensity: 0.6,
  rangeBandKm: [3000, 5500],
  source: 'Two stages, boost 1–2 min (DOMAIN.md §2 [E]); range band from the conventional IRBM definition',
};

const MRBM: VehicleClassSpec = {
  id: 'mrbm',
  label: 'Medium-range ballistic missile',
  mission: 'ballistic',
  stages: [
    {
      massKg: 10000,
      propellantKg: 8800,
      burnTimeS: 60,
      ispS: 260,
      areaM2: 1.5,
      spentBetaKgM2: 400,
      spentRcsM2: 4,
    },
    {
      massKg: 2600,
      propellantKg: 2250,
      burnTimeS: 40,
      ispS: 280,
      areaM2: 1.0,
      spentBetaKgM2: 300,
      spentRcsM2: 2,
    },
  ],
  payload: { kind: 'rv', massKg: 800, betaKgM2: 6000, rcsM2: 0.05 },
  verticalRiseS: 5,
  plumeIntensity: 0.4,
  rangeBandKm: [1000, 3000],
  source: 'Two stages, boost 1–2 min (DOMAIN.md §2 [E]); range band from the conventional MRBM definition',
};

const SRBM: VehicleClassSpec = {
  id: 'srbm',
  label: 'Short-range ballistic missile',
  mission: 'ballistic',
  stages: [
    {
      massKg: 5200,
      propellantKg: 4300,
      burnTimeS: 65,
      ispS: 250,
      areaM2: 0.66,
      spentBetaKgM2: 2500,
      spentRcsM2: 1,
    },
  ],
  payload: { kind: 'rv', massKg: 800, betaKgM2: 5000, rcsM2: 0.1 },
  verticalRiseS: 4,
  plumeIntensity: 0.2,
  rangeBandKm: [150, 1000],
  source: 'Single liquid stage of the order of public Scud-class figures (burn ≈ 1 min), rounded',
};

const SLV: VehicleClassSpec = {
  id: 'slv',
  label: 'Space launch vehicle',
  mission: 'orbital',
  stages: [
    {
      massKg: 200000,
      propellantKg: 185000,
      burnTimeS: 150,
      ispS: 300,
      areaM2: 10,
      spentBetaKgM2: 800,
      spentRcsM2: 30,
    },
    {
      massKg: 60000,
      propellantKg: 55000,
      burnTimeS: 240,
      ispS: 330,
      areaM2: 7,
      spentBetaKgM2: 500,
      spentRcsM2: 15,
    },
    {
      massKg: 14000,
      propellantKg: 12500,
      burnTimeS: 200,
      ispS: 340,
      areaM2: 5,
      spentBetaKgM2: 300,
      spentRcsM2: 10,
    },
  ],
  payload: { kind: 'payload', massKg: 3000, betaKgM2: 200, rcsM2: 5 },
  verticalRiseS: 10,
  plumeIntensity: 4,
  rangeBandKm: [0, 0],
  source:
    'Three stages, first stage ≈2.5 min and powered flight ≈10 min to orbit (DOMAIN.md §2 [E]); medium-lift orders of magnitude, rounded',
};

const SOUNDING_ROCKET: VehicleClassSpec = {
  id: 'sounding-rocket',
  label: 'Four-stage sounding rocket',
  mission: 'sounding',
  stages: [
    {
      massKg: 3000,
      propellantKg: 2300,
      burnTimeS: 6,
      ispS: 220,
      areaM2: 0.47,
      spentBetaKgM2: 1500,
      spentRcsM2: 1,
    },
    {
      massKg: 1350,
      propellantKg: 750,
      burnTimeS: 5,
      ispS: 240,
      areaM2: 0.2,
      spentBetaKgM2: 1000,
      spentRcsM2: 0.5,
    },
    {
      massKg: 1250,
      propellantKg: 1000,
      burnTimeS: 32,
      ispS: 250,
      areaM2: 0.14,
      spentBetaKgM2: 800,
      spentRcsM2: 0.5,
    },
    {
      massKg: 400,
      propellantKg: 280,
      burnTimeS: 20,
      ispS: 260,
      areaM2: 0.14,
      spentBetaKgM2: 500,
      spentRcsM2: 0.3,
    },
  ],
  payload: { kind: 'payload', massKg: 150, betaKgM2: 1500, rcsM2: 0.3 },
  verticalRiseS: 0,
  plumeIntensity: 0.9,
  rangeBandKm: [0, 1500],
  source:
    'Four stages after the Black Brant XII (DOMAIN.md §2: apogee ≈1,450–1,500 km, flight ≈22–24 min; DOMAIN.md §6.4); masses rounded from public figures',
};

export const VEHICLES: Readonly<Record<VehicleClass, VehicleClassSpec>> = {
  'icbm-liquid': ICBM_LIQUID,
  'icbm-solid': ICBM_SOLID,
  slbm: SLBM,
  irbm: IRBM,
  mrbm: MRBM,
  srbm: SRBM,
  slv: SLV,
  'sounding-rocket': SOUNDING_ROCKET,
};

export function vehicleClass(id: VehicleClass): VehicleClassSpec {
  return VEHICLES[id];
}

/** Total lift-off mass, kg. */
export function liftOffMassKg(v: VehicleClassSpec): number {
  return v.stages.reduce((m, s) => m + s.massKg, 0) + v.payload.massKg;
}

/** Total nominal burn time of all stages, s. */
export function totalBurnTimeS(v: VehicleClassSpec): number {
  return v.stages.reduce((t, s) => t + s.burnTimeS, 0);
}
