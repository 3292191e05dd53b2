// Place names and defended territories from Natural Earth borders.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/scenario/input-error.ts';
import { placeAt } from '../../../src/scenario/places/place-name.ts';
import {
  ellipseSamplePoints,
  resolveTerritory,
  territoryContains,
  territoryMeetsEllipse,
} from '../../../src/scenario/places/territory.ts';

describe('place names', () => {
  it('names the country a point lies in', () => {
    expect(placeAt(47.505, -111.183).alpha3).toBe('USA'); // Malmstrom (DOMAIN.md §9.1)
    expect(placeAt(69.29, 16.02).alpha3).toBe('NOR'); // Andøya (§6.4)
    expect(placeAt(68.114, 33.91).alpha3).toBe('RUS'); // Olenegorsk (§4.1)
    expect(placeAt(54.362, -0.67).alpha3).toBe('GBR'); // Fylingdales (§4.2)
  });

  it('names the sea or ocean at sea', () => {
    expect(placeAt(75, 40)).toEqual({ name: 'Barents Sea', alpha3: null, atSea: true });
    expect(placeAt(40, -50).name).toBe('North Atlantic Ocean');
    expect(placeAt(-10, -120).name).toBe('South Pacific Ocean');
    expect(placeAt(-20, 80).name).toBe('Indian Ocean');
  });
});

describe('defended territory', () => {
  it('resolves ISO codes and English names to the same country', () => {
    const byCode = resolveTerritory([{ kind: 'country', name: 'USA' }]);
    const byName = resolveTerritory([{ kind: 'country', name: 'United States of America' }]);
    expect(byCode.features[0]).toBe(byName.features[0]);
    expect(territoryContains(byCode, 40, -100)).toBe(true);
    expect(territoryContains(byCode, 64.8, -147.7)).toBe(true); // Alaska
    expect(territoryContains(byCode, 51, -100)).toBe(false); // Canada
    expect(territoryContains(byCode, 30, -40)).toBe(false); // Atlantic
  });

  it('takes inline polygons', () => {
    const DEG = Math.PI / 180;
    const square = resolveTerritory([
      {
        kind: 'polygon',
        vertices: [
          { latRad: 10 * DEG, lonRad: 10 * DEG },
          { latRad: 10 * DEG, lonRad: 20 * DEG },
          { latRad: 20 * DEG, lonRad: 20 * DEG },
          { latRad: 20 * DEG, lonRad: 10 * DEG },
        ],
      },
    ]);
    expect(territoryContains(square, 15, 15)).toBe(true);
    expect(territoryContains(square, 25, 15)).toBe(false);
  });

  it('rejects an unknown country with an InputError at its path', () => {
    expect(() => resolveTerritory([{ kind: 'country', name: 'Atlantis' }])).toThrow(InputError);
    try {
      resolveTerritory([
        { kind: 'country', name: 'USA' },
        { kind: 'country', name: 'Atlantis' },
      ]);
    } catch (e) {
      expect((e as InputError).problems[0]!.path).toEqual(['defended', 1]);
    }
  });

  it('an ellipse meets the territory when any part of it is inside', () => {
    const usa = resolveTerritory([{ kind: 'country', name: 'USA' }]);
    // Centred at sea off Cape Cod, 400 km long pointing west: its far end is in Massachusetts.
    expect(
      territoryMeetsEllipse(usa, {
        latDeg: 42,
        lonDeg: -68,
        semiMajorKm: 400,
        semiMinorKm: 50,
        orientationDeg: 270,
      }),
    ).toBe(true);
    // The same ellipse pointing north-south stays at sea.
    expect(
      territoryMeetsEllipse(usa, {
        latDeg: 42,
        lonDeg: -68,
        semiMajorKm: 100,
        semiMinorKm: 20,
        orientationDeg: 0,
      }),
    ).toBe(false);
    expect(
      territoryMeetsEllipse(usa, {
        latDeg: 40,
        lonDeg: -100,
        semiMajorKm: 10,
        semiMinorKm: 5,
        orientationDeg: 0,
      }),
    ).toBe(true);
  });

  it('samples ellipse boundaries at the stated semi-axes', () => {
    const pts = ellipseSamplePoints(
      { latDeg: 0, lonDeg: 0, semiMajorKm: 111.195, semiMinorKm: 55.6, orientationDeg: 0 },
      4,
    );
    // First boundary point of the outer ring is along the major axis (north): 1° of latitude.
    const outer = pts.slice(1 + 4);
    expect(outer[0]![0]).toBeCloseTo(1, 3);
    expect(outer[0]![1]).toBeCloseTo(0, 6);
    expect(outer[1]![1]).toBeCloseTo(0.5, 3);
  });
});

describe('the fast polygon index', () => {
  it('agrees with d3-geo spherical containment on 3,000 random points for every country', async () => {
    const { geoContains } = await import('d3-geo');
    const { allCountries } = await import('../../../src/scenario/places/countries.ts');
    const { createRng } = await import('../../../src/physics/random.ts');
    const rng = createRng(11, 'polygon-index');
    const countries = allCountries();
    let checked = 0;
    for (let k = 0; k < 3000; k++) {
      const lat = -89 + 178 * rng.uniform();
      const lon = -180 + 360 * rng.uniform();
      for (const c of countries) {
        expect(c.index.contains(lat, lon), `${c.name} at ${lat}, ${lon}`).toBe(
          geoContains(c.feature, [lon, lat]),
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500_000);
  }, 180_000); // d3-geo's spherical test is slow: ~15 s alone, ~55 s on a loaded 2-core machine

  it('handles the antimeridian (Chukotka) and a ring round the pole (Antarctica)', async () => {
    const { placeAt: at } = await import('../../../src/scenario/places/place-name.ts');
    expect(at(66.5, 179.5).alpha3).toBe('RUS');
    expect(at(66.0, -175.0).alpha3).toBe('RUS');
    expect(at(-85, 30).name).toMatch(/Antarctica/);
  });
});
