import { describe, expect, it } from 'vitest';
import { formatArea, formatEllipse, formatLat, formatLon } from '../../../web/src/format/places.ts';

const area = (semiMajorKm: number, semiMinorKm: number) => ({
  latDeg: 47.5836,
  lonDeg: -111.2109,
  semiMajorKm,
  semiMinorKm,
  orientationDeg: 172.3,
});

describe('coordinates with hemisphere letters', () => {
  it('latitudes north and south, two decimals', () => {
    expect(formatLat(54.9046)).toBe('54.90°N');
    expect(formatLat(-33.8688)).toBe('33.87°S');
    expect(formatLat(0)).toBe('0.00°N');
  });

  it('longitudes east and west, wrapped into ±180°', () => {
    expect(formatLon(90.0174)).toBe('90.02°E');
    expect(formatLon(-111.2109)).toBe('111.21°W');
    expect(formatLon(190)).toBe('170.00°W');
    expect(formatLon(-180)).toBe('180.00°E');
  });
});

describe('areas in words', () => {
  it('a circle reads ±radius', () => {
    expect(formatEllipse(area(14.2, 14.2))).toBe('±14 km');
  });

  it('an ellipse reads its two semi-axes, one decimal under 10 km', () => {
    expect(formatEllipse(area(10.1, 7.9))).toBe('10 × 7.9 km');
    expect(formatEllipse(area(1250, 300))).toBe('1,250 × 300 km');
  });

  it('names the place, then where the centre is, then the size', () => {
    expect(formatArea(area(10.1, 7.9), 'United States of America')).toBe(
      'United States of America · 47.58°N 111.21°W · 10 × 7.9 km',
    );
  });

  it('without an area says the place alone, or unknown', () => {
    expect(formatArea(null, 'Barents Sea')).toBe('Barents Sea');
    expect(formatArea(null, null)).toBe('unknown');
  });
});
