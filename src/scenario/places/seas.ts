// Coarse names for points at sea: a few marginal seas as boxes (checked first), then
// the oceans by latitude and longitude bands. Good enough to say where a launch or
// impact point is ("Barents Sea", "North Pacific Ocean"); not a gazetteer.

interface SeaBox {
  name: string;
  south: number;
  north: number;
  west: number;
  east: number;
}

const SEAS: SeaBox[] = [
  { name: 'Barents Sea', south: 68, north: 81, west: 15, east: 60 },
  { name: 'Kara Sea', south: 68, north: 81, west: 60, east: 100 },
  { name: 'Norwegian Sea', south: 62, north: 75, west: -10, east: 15 },
  { name: 'Greenland Sea', south: 70, north: 82, west: -20, east: 15 },
  { name: 'North Sea', south: 51, north: 62, west: -4, east: 9 },
  { name: 'Baltic Sea', south: 53, north: 66, west: 9, east: 30 },
  { name: 'Mediterranean Sea', south: 30, north: 46, west: -6, east: 36 },
  { name: 'Black Sea', south: 40.5, north: 47, west: 27, east: 42 },
  { name: 'Caspian Sea', south: 36.5, north: 47.5, west: 46.5, east: 55 },
  { name: 'Sea of Okhotsk', south: 43, north: 62, west: 135, east: 157 },
  { name: 'Sea of Japan', south: 34, north: 52, west: 127, east: 142 },
  { name: 'Yellow Sea', south: 31, north: 41, west: 117, east: 127 },
  { name: 'East China Sea', south: 23, north: 33, west: 117, east: 131 },
  { name: 'South China Sea', south: 0, north: 23, west: 99, east: 121 },
  { name: 'Bering Sea', south: 51, north: 66, west: 160, east: 180 },
  { name: 'Bering Sea', south: 51, north: 66, west: -180, east: -157 },
  { name: 'Gulf of Mexico', south: 18, north: 31, west: -98, east: -81 },
  { name: 'Caribbean Sea', south: 9, north: 22, west: -88, east: -60 },
  { name: 'Arabian Sea', south: 0, north: 25, west: 50, east: 77 },
  { name: 'Bay of Bengal', south: 5, north: 23, west: 80, east: 95 },
  { name: 'Hudson Bay', south: 51, north: 64, west: -95, east: -77 },
];

function inBox(b: SeaBox, lat: number, lon: number): boolean {
  return lat >= b.south && lat <= b.north && lon >= b.west && lon <= b.east;
}

/** A sea or ocean name for a point (degrees). */
export function seaAreaAt(latDeg: number, lonDeg: number): string {
  const lon = ((((lonDeg + 180) % 360) + 360) % 360) - 180;
  for (const b of SEAS) if (inBox(b, latDeg, lon)) return b.name;
  if (latDeg >= 66) return 'Arctic Ocean';
  if (latDeg <= -60) return 'Southern Ocean';
  const hemisphere = latDeg >= 0 ? 'North' : 'South';
  // Atlantic between the Americas and Europe/Africa; Indian between Africa and Australia.
  if (lon >= -70 && lon < 20 && !(latDeg < 10 && lon < -80)) return `${hemisphere} Atlantic Ocean`;
  if (lon >= 20 && lon < 120 && latDeg < 30) return 'Indian Ocean';
  if (lon >= 120 && lon < 147 && latDeg < -10) return 'Indian Ocean';
  return `${hemisphere} Pacific Ocean`;
}
