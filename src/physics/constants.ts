// Physical and geodetic constants, SI units. Sources: NIMA TR8350.2 (WGS-84) and
// DOMAIN.md §9.1 unless a comment says otherwise.

/** WGS-84 semi-major (equatorial) axis, m. Defining constant (NIMA TR8350.2). */
export const WGS84_A = 6378137.0;

/** WGS-84 flattening f = 1/298.257223563. Defining constant (NIMA TR8350.2). */
export const WGS84_F = 1 / 298.257223563;

/** WGS-84 semi-minor (polar) axis b = a(1 − f), m ≈ 6,356,752.3142 (DOMAIN.md §9.1). */
export const WGS84_B = WGS84_A * (1 - WGS84_F);

/** WGS-84 first eccentricity squared e² = f(2 − f) ≈ 6.69437999014e-3 (DOMAIN.md §9.1). */
export const WGS84_E2 = WGS84_F * (2 - WGS84_F);

/** WGS-84 second eccentricity squared e′² = e²/(1 − e²) ≈ 6.73949674228e-3 (DOMAIN.md §9.1). */
export const WGS84_EP2 = WGS84_E2 / (1 - WGS84_E2);

/** Earth's gravitational parameter GM incl. atmosphere, m³/s². WGS-84 defining constant. */
export const MU_EARTH = 3.986004418e14;

/** Earth's nominal mean angular velocity, rad/s. WGS-84 defining constant. */
export const OMEGA_EARTH = 7.292115e-5;

/**
 * Second zonal harmonic J2 of the original WGS-84 gravity model (J2 = −√5·C̄₂₀ with
 * C̄₂₀ = −4.84166774985e-4); the value Vallado's SGP4 `getgravconst('wgs84')` uses
 * (DOMAIN.md §9.1).
 */
export const J2_EARTH = 1.08262998905e-3;

/** Mean Earth radius of the spherical-Earth formulas (DOMAIN.md §1, §9.1: 6,371.0 km), m. */
export const R_EARTH_MEAN = 6371000.0;

/** Standard gravity, m/s² (exact by definition, CGPM 1901). */
export const G0 = 9.80665;

/** Speed of light in vacuum, m/s (exact by definition of the metre, SI 1983). */
export const SPEED_OF_LIGHT = 299792458.0;

/** Degrees to radians: multiply an angle in degrees by DEG. */
export const DEG = Math.PI / 180;

/** Radians to degrees: multiply an angle in radians by RAD. */
export const RAD = 180 / Math.PI;

/** Mean sidereal day, s (DOMAIN.md §9.1: 86,164.0905 s). */
export const SIDEREAL_DAY_S = 86164.0905;

/** Astronomical unit, m (exact by IAU 2012 Resolution B2). */
export const AU_M = 149597870700.0;

/** Seconds in a day of UTC/UT1 (leap seconds are not modelled). */
export const SECONDS_PER_DAY = 86400;

/** Julian date of the J2000.0 epoch, 2000-01-01 12:00 (TT; used here for UT1 as well). */
export const J2000_JD = 2451545.0;
