// The defended territory named in a scenario file's `defended:` list (the scenario
// format, DESIGN.md §5): country codes or names, and {polygon: [[latDeg, lonDeg], …]}.
// Read from the YAML or JSON text without checking it — the service has checked it.
import { parse } from 'yaml';
import type { DefendedAreas } from './run-source.ts';

export function defendedOf(scenarioText: string): DefendedAreas {
  const doc = parse(scenarioText.replace(/^\uFEFF/, '')) as { defended?: unknown } | null;
  const list = Array.isArray(doc?.defended) ? doc.defended : [];
  const areas: DefendedAreas = { countries: [], polygons: [] };
  for (const entry of list) {
    if (typeof entry === 'string') areas.countries.push(entry);
    else if (entry && typeof entry === 'object' && Array.isArray((entry as { polygon?: unknown }).polygon))
      areas.polygons.push((entry as { polygon: Array<[number, number]> }).polygon);
  }
  return areas;
}
