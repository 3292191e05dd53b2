import { describe, expect, it } from 'vitest';
import {
  boundsOfPoints,
  circleRing,
  destination,
  ellipseRing,
  horizonRadiusKm,
  sampleTrack,
} from '../../../web/src/globe/geo.ts';

/** One degree of arc on the 6371 km sphere, km. */
const DEGREE_KM = (6371 * Math.PI) / 180;

describe('points and rings on the ground', () => {
  it('goes one degree of latitude north for one degree of arc due north', () => {
    const [lon, lat] = destination(10, 20, 0, DEGREE_KM);
    expect(lat).toBeCloseTo(11, 9);
    expect(lon).toBeCloseTo(20, 9);
  });

  it('goes one degree of longitude east along the equator', () => {
    const [lon, lat] = destination(0, 179.5, 90, DEGREE_KM);
    expect(lat).toBeCloseTo(0, 9);
    expect(lon).toBeCloseTo(-179.5, 9);
  });

  it('closes a circle ring on its first point', () => {
    const ring = circleRing(40, -100, 500, 36);
    expect(ring).toHaveLength(2 * 37);
    expect(ring[72]).toBeCloseTo(ring[0]!, 9);
    expect(ring[73]).toBeCloseTo(ring[1]!, 9);
  });

  it('puts the ends of an ellipse’s major axis along its orientation, and its minor axis across', () => {
    const area = {
      latDeg: 0,
      lonDeg: 0,
      semiMajorKm: 2 * DEGREE_KM,
      semiMinorKm: DEGREE_KM,
      orientationDeg: 0,
    };
    const ring = ellipseRing(area, 4);
    // θ = 0: north by the semi-major axis; θ = 90°: east by the semi-minor axis.
    expect(ring[1]).toBeCloseTo(2, 9);
    expect(ring[2]).toBeCloseTo(1, 9);
    expect(ring[3]).toBeCloseTo(0, 9);
  });

  it('reaches the horizon of a geostationary satellite at 81.3° of arc', () => {
    // arccos(6371 / (6371 + 35786)) = 81.31°.
    expect(horizonRadiusKm(35786) / DEGREE_KM).toBeCloseTo((Math.acos(6371 / 42157) * 180) / Math.PI, 9);
    expect(horizonRadiusKm(35786) / DEGREE_KM).toBeCloseTo(81.31, 2);
  });
});

describe('a sampled satellite track', () => {
  const track: Array<[number, number, number, number]> = [
    [0, 10, 170, 500],
    [60, 12, -170, 600],
  ];

  it('holds its ends outside the samples', () => {
    expect(sampleTrack(track, -5)).toEqual([10, 170, 500]);
    expect(sampleTrack(track, 100)).toEqual([12, -170, 600]);
    expect(sampleTrack([], 0)).toBeNull();
  });

  it('interpolates across the antimeridian the short way', () => {
    const [lat, lon, alt] = sampleTrack(track, 30)!;
    expect(lat).toBeCloseTo(11, 9);
    expect(lon).toBeCloseTo(180, 9);
    expect(alt).toBeCloseTo(550, 9);
  });
});

describe('the box round points', () => {
  it('is the plain box when the points sit on one side', () => {
    expect(
      boundsOfPoints([
        [-111, 47],
        [-78, 40],
        [-96, 41],
      ]),
    ).toEqual([-111, 40, -78, 47]);
  });

  it('goes across the antimeridian when that is the short way', () => {
    expect(
      boundsOfPoints([
        [170, 50],
        [-170, 55],
      ]),
    ).toEqual([170, 50, -170, 55]);
  });

  it('is null for no points', () => {
    expect(boundsOfPoints([])).toBeNull();
  });
});
