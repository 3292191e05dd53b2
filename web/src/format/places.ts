// Launch and impact areas in words: the place the centre named (country or sea),
// the ellipse centre with hemisphere letters, and the 95% ellipse's size.
import type { Area } from '../data/types.ts';

/** 12.34°N / 12.34°S, two decimals (about a kilometre). */
export function formatLat(latDeg: number): string {
  return `${Math.abs(latDeg).toFixed(2)}°${latDeg < 0 ? 'S' : 'N'}`;
}

/** 12.34°E / 12.34°W, two decimals; 180° is east. */
export function formatLon(lonDeg: number): string {
  const wrapped = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  const lon = wrapped === -180 ? 180 : wrapped;
  return `${Math.abs(lon).toFixed(2)}°${lon < 0 ? 'W' : 'E'}`;
}

function km(value: number): string {
  return value >= 10 ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1);
}

/** The ellipse's size: `±14 km` for a circle, `10 × 8 km` otherwise (semi-axes). */
export function formatEllipse(area: Area): string {
  return Math.abs(area.semiMajorKm - area.semiMinorKm) < 0.05
    ? `±${km(area.semiMajorKm)} km`
    : `${km(area.semiMajorKm)} × ${km(area.semiMinorKm)} km`;
}

/** `Russian Federation · 54.90°N 90.02°E · ±14 km`; `unknown` without an area. */
export function formatArea(area: Area | null, region: string | null | undefined): string {
  if (!area) return region ?? 'unknown';
  const where = `${formatLat(area.latDeg)} ${formatLon(area.lonDeg)}`;
  return `${region ?? 'unnamed place'} · ${where} · ${formatEllipse(area)}`;
}
