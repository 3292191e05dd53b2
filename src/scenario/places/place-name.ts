// Where a point is, in words: the country it lies in, or the sea area.
import { countryAt } from './countries.ts';
import { seaAreaAt } from './seas.ts';

export interface Place {
  name: string;
  /** ISO alpha-3 code when on land in a country with one; null at sea. */
  alpha3: string | null;
  atSea: boolean;
}

export function placeAt(latDeg: number, lonDeg: number): Place {
  const c = countryAt(latDeg, lonDeg);
  if (c) return { name: c.name, alpha3: c.alpha3, atSea: false };
  return { name: seaAreaAt(latDeg, lonDeg), alpha3: null, atSea: true };
}
