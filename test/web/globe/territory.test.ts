import { describe, expect, it } from 'vitest';
import { findCountryFeature, territoryShape } from '../../../web/src/globe/territory.ts';

describe('the defended territory drawn on the globe', () => {
  it('finds countries by ISO alpha-3 code and by English name', () => {
    expect(findCountryFeature('USA')?.properties?.['name']).toBe('United States of America');
    expect(findCountryFeature('Norway')?.properties?.['name']).toBe('Norway');
    expect(findCountryFeature('Atlantis')).toBeNull();
  });

  it('frames the United States from Hawaii to Alaska and Maine', () => {
    const shape = territoryShape({ countries: ['USA'], polygons: [] });
    const [w, s, e, n] = shape.bounds!;
    // Hawaii reaches 18.9°N, Alaska 71.4°N, Maine ends at 67°W; west of Alaska's
    // mainland (168°W) run the Aleutians (at 1:110m they stop short of 180°).
    expect(s).toBeCloseTo(18.9, 0);
    expect(n).toBeCloseTo(71.4, 0);
    expect(w).toBeLessThan(-168);
    expect(w).toBeGreaterThan(-180);
    expect(e).toBeCloseTo(-67, 0);
    expect(shape.rings.length).toBeGreaterThan(5);
    expect(shape.unresolved).toEqual([]);
  });

  it('draws a polygon as written, closed, and reports names it cannot find', () => {
    const shape = territoryShape({
      countries: ['Atlantis'],
      polygons: [
        [
          [50, 0],
          [50, 10],
          [60, 10],
        ],
      ],
    });
    expect(shape.rings).toEqual([[0, 50, 10, 50, 10, 60, 0, 50]]);
    expect(shape.bounds).toEqual([0, 50, 10, 60]);
    expect(shape.unresolved).toEqual(['Atlantis']);
  });

  it('joins the boxes of several areas', () => {
    const shape = territoryShape({ countries: ['NOR', 'FIN'], polygons: [] });
    const [w, s, e, n] = shape.bounds!;
    // Norway's west coast ~4.9°E, Finland's east border ~31.5°E (Svalbard reaches
    // ~33.5°E), Finland's south ~59.8°N, Svalbard's north ~80.7°N.
    expect(w).toBeCloseTo(5, 0);
    expect(e).toBeGreaterThan(31);
    expect(e).toBeLessThan(34);
    expect(s).toBeLessThan(60);
    expect(n).toBeCloseTo(80.7, 0);
  });

  it('joins boxes the short way round, across the antimeridian', () => {
    const square = (lon: number): Array<[number, number]> => [
      [50, lon],
      [50, lon + 5],
      [55, lon + 5],
      [55, lon],
    ];
    // The north edge of each square is a great-circle arc: it bows a little past 55°N.
    for (const polygons of [
      [square(170), square(-175)],
      [square(-175), square(170)],
    ]) {
      const [w, s, e, n] = territoryShape({ countries: [], polygons }).bounds!;
      expect([w, s, e]).toEqual([170, 50, -170]);
      expect(n).toBeCloseTo(55, 1);
    }
  });
});
