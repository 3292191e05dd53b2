// The CZML and GeoJSON scenes carry the sensors: satellites along their orbits and
// radar coverage fans sized by the 4/3-Earth geometry of DOMAIN.md §5.5.
import { describe, expect, it } from 'vitest';
import { sceneCzml } from '../../../src/analysis/export/czml.ts';
import { sceneGeoJson } from '../../../src/analysis/export/geojson.ts';
import { faceGroundReachM } from '../../../src/analysis/export/sensor-geometry.ts';
import { greatCircleDistance } from '../../../src/physics/geodesy.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { simulateNetwork } from '../../../src/sensors/run-network.ts';
import { generateTruth } from '../../../src/world/generate.ts';

const DEG = Math.PI / 180;
const s = parseScenario(
  `name: scene
epoch: 2026-05-01T12:00:00Z
duration: 20m
defended: [USA]
events:
  - { type: launch, id: L1, class: slbm, from: [40.0, -50.0], to: [40.5, -78.0], at: 60s }
network: { preset: us-uk }
`,
  'scene.yaml',
);
const truth = generateTruth(s);
const network = simulateNetwork(s, truth, 1);

describe('radar fans', () => {
  it('reach the ground range at which a 1,000 km target clears 3° elevation on the 4/3 Earth (3,512 km, DOMAIN.md §5.5)', () => {
    const face = network.network.radars.find((r) => r.id === 'thule')!.faces[0]!;
    expect(Math.abs(faceGroundReachM(face) / 1000 - 3512)).toBeLessThan(5);
  });

  it('are closed polygons from the site out to that reach, in the GeoJSON', () => {
    const fans = sceneGeoJson(truth, network).features.filter((f) => f.properties['role'] === 'radar-fan');
    expect(fans.length).toBe(network.network.radars.reduce((n, r) => n + r.faces.length, 0));
    for (const f of fans) {
      const ring = (f.geometry as { coordinates: number[][][] }).coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const [lon0, lat0] = ring[0]!;
      const far = ring[Math.floor(ring.length / 2)]!;
      const d = greatCircleDistance(lat0! * DEG, lon0! * DEG, far[1]! * DEG, far[0]! * DEG) / 1000;
      expect(d).toBeGreaterThan(2000);
      expect(d).toBeLessThan(5600);
    }
  });
});

describe('scene with sensors', () => {
  it('CZML has a packet per satellite moving along its orbit and a fan per radar face', () => {
    const czml = sceneCzml(truth, 'scene', network);
    const sats = network.sensors.filter((x) => x.kind === 'ir');
    for (const sat of sats) {
      const p = czml.find((x) => x.id === `sensor/${sat.id}`) as {
        position: { cartographicDegrees: number[] };
      };
      expect(p).toBeDefined();
      // Samples of [t, lon, lat, height]: a GEO satellite sits at ≈35,786 km.
      const heights = p.position.cartographicDegrees.filter((_, i) => i % 4 === 3);
      expect(Math.min(...heights)).toBeGreaterThan(500_000);
    }
    expect(czml.filter((x) => String(x.id).startsWith('fan/')).length).toBeGreaterThan(5);
  });

  it('GeoJSON has satellite ground tracks that never jump across the antimeridian', () => {
    const tracks = sceneGeoJson(truth, network).features.filter(
      (f) => f.properties['role'] === 'satellite-track',
    );
    expect(tracks.length).toBeGreaterThan(0);
    for (const t of tracks)
      for (const line of (t.geometry as { coordinates: number[][][] }).coordinates)
        for (let i = 1; i < line.length; i++)
          expect(Math.abs(line[i]![0]! - line[i - 1]![0]!)).toBeLessThan(180);
  });
});
