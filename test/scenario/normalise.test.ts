// The normalised Scenario: SI units, seconds after the epoch, defaults applied, the
// "one of these forms" choices made explicit. Expected values are computed here from
// the numbers in the text.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import type {
  FalseAlarmsSpec,
  GlintSpec,
  HeatSourceSpec,
  SensorFaultSpec,
} from '../../src/scenario/scenario.ts';

const D = Math.PI / 180;
const WGS84_A_KM = 6378.137;

const FULL = `name: Everything
description: Every section of the format.
epoch: 2026-05-01T12:00:00Z
duration: 1h
defended: [USA, Canada, {polygon: [[60, -10], [60, 10], [70, 0]]}]
events:
  - {type: launch, id: L1, class: mrbm, from: [30, 40], to: [32, 45], at: 0, count: 3, spacing: 30s}
  - {type: launch, id: S1, class: slv, from: [28.5, -80.6], inclinationDeg: 51.6, at: 5m}
  - {type: launch, id: R1, class: sounding-rocket, from: [69.29, 16.02], to: [78, 16], at: 1m}
  - {type: glint, id: G1, region: {center: [47.5, -111.2], radiusKm: 300}, from: 2m, until: 10m, cloudTopKm: 9}
  - {type: heat-source, id: H1, site: [60, 100], intensity: 0.2}
  - {type: sensor-fault, id: F1, sensor: GEO-1, kind: replay, source: exercise-attack, from: 30m}
  - {type: false-alarms, id: FA, sensor: '*', ratePerHour: 36}
network:
  preset: none
  satellites:
    - id: GEO-1
      orbit: {geo: {lonDeg: -100}}
      sensor: {mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50}
    - id: HEO-1
      orbit: {molniya: {apogeeLonDeg: 30}}
      sensor: {mode: limb, kind: scanner, revisitS: 10, sigmaDeg: 0.01}
    - id: K-1
      orbit: {keplerian: {perigeeKm: 600, apogeeKm: 39700, incDeg: 63, raanDeg: 10, argpDeg: 270, meanAnomalyDeg: 0, epoch: 2026-05-01T11:00:00Z}}
      sensor: {mode: look-down, kind: starer, revisitS: 1, sigmaMicrorad: 20, fieldOfRegard: {center: [40, -100], radiusKm: 2000}}
  radars:
    - id: THULE
      site: [76.57, -68.3, 200]
      faces:
        - {boresightDeg: 357, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5556, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1}
        - {id: THULE-E, boresightDeg: 117, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5556, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1, refSnrDb: 20, refRangeKm: 3000, rejectFoldedEchoes: false, unambiguousRangeKm: 4000, pfa: 1.0e-5, falsePlotsPerScan: 2, measuresRangeRate: false}
  disable: [HEO-1]
  degrade: [{id: THULE-E, pdFactor: 0.5}]
weather:
  cloudTopKm: 8
  regions: [{center: [50, -100], radiusKm: 500, cloudTopKm: 12}]
notifications:
  - id: N1
    regime: HCoC
    kind: pre-launch
    issued: 2026-04-30T12:00:00Z
    vehicleClass: SLV
    window: {start: 2026-05-01T12:00:00Z, end: 2026-05-01T13:00:00+01:00}
    launchArea: {center: [28.5, -80.6], radiusKm: 50}
    plannedDirectionDeg: 45
    impactAreas: [{center: [35, -60], radiusKm: 100}, {polygon: [[1, 1], [1, 2], [2, 2]]}]
    payloadOrbit: {inclinationDeg: 51.6}
    channel: ICC-Vienna
  - id: N2
    regime: US-RU-1988
    kind: cancellation
    refersTo: N1
    issued: 2026-05-01T11:00:00Z
    vehicleClass: SLBM
    window: {start: 2026-05-01T12:00:00Z, end: 2026-05-01T12:30:00Z}
    launchArea: {oceanQuadrant: {ocean: Atlantic, quadrant: NE}}
    channel: NRRC
    delivered: false
policy:
  confirmRequires: two-sensors
centres:
  - id: EAST
  - id: WEST
    network: default
    defended: [MEX]
`;

describe('normalised scenario', () => {
  const s = parseScenario(FULL, 'full.yaml');

  it('turns the epoch and duration into milliseconds and seconds', () => {
    expect(s.epochIso).toBe('2026-05-01T12:00:00Z');
    expect(s.epochUnixMs).toBe(Date.UTC(2026, 4, 1, 12));
    expect(s.durationS).toBe(3600);
    expect(s.seed).toBe(1);
    expect(s.description).toBe('Every section of the format.');
  });

  it('keeps countries as names and converts polygon vertices to radians', () => {
    expect(s.defended).toEqual([
      { kind: 'country', name: 'USA' },
      { kind: 'country', name: 'Canada' },
      {
        kind: 'polygon',
        vertices: [
          { latRad: 60 * D, lonRad: -10 * D },
          { latRad: 60 * D, lonRad: 10 * D },
          { latRad: 70 * D, lonRad: 0 },
        ],
      },
    ]);
  });

  it('makes each launch aim explicit and keeps salvo count and spacing', () => {
    const [l1, s1, r1] = s.events;
    expect(l1).toMatchObject({ count: 3, spacingS: 30, atS: 0, profile: 'min-energy', apogeeM: null });
    expect(s1).toMatchObject({
      aim: { kind: 'inclination', inclinationRad: 51.6 * D },
      atS: 300,
      profile: null,
    });
    expect(r1).toMatchObject({
      aim: { kind: 'target', to: { latRad: 78 * D, lonRad: 16 * D } },
      profile: null,
    });
  });

  it('bounds phenomena by the run unless the file says otherwise, and rates per second', () => {
    const g = s.events[3] as GlintSpec;
    expect(g).toMatchObject({ fromS: 120, untilS: 600, cloudTopM: 9000, intensity: null });
    expect(g.region).toEqual({ center: { latRad: 47.5 * D, lonRad: -111.2 * D }, radiusM: 300_000 });
    expect(g.angularWidthRad).toBeCloseTo(3 * D, 15);
    expect(s.events[4] as HeatSourceSpec).toMatchObject({ fromS: 0, untilS: 3600, intensity: 0.2 });
    expect(s.events[5] as SensorFaultSpec).toMatchObject({
      sensorId: 'GEO-1',
      kind: 'replay',
      source: 'exercise-attack',
      fromS: 1800,
      untilS: 3600,
    });
    expect((s.events[6] as FalseAlarmsSpec).ratePerS).toBeCloseTo(36 / 3600, 15);
  });

  it('converts satellite orbits and sensors to SI, with the documented defaults', () => {
    const [geo, heo, kep] = s.network.satellites;
    expect(s.network.preset).toBe('none');
    expect(geo!.orbit).toEqual({ kind: 'geo', lonRad: -100 * D });
    expect(geo!.sensor).toMatchObject({
      sigmaRad: 50e-6,
      limbMarginM: 100_000,
      fieldOfRegard: null,
      neiWPerM2: null,
    });
    expect(heo!.orbit).toMatchObject({
      kind: 'molniya',
      apogeeLonRad: 30 * D,
      perigeeAltM: 600_000,
      apogeeAltM: 39_700_000,
      argpRad: 270 * D,
      meanAnomalyRad: 180 * D,
    });
    expect(heo!.sensor.sigmaRad).toBeCloseTo(0.01 * D, 15);
    // Altitudes above the equatorial radius: rp = a + 600, ra = a + 39,700 (km).
    const rp = WGS84_A_KM + 600;
    const ra = WGS84_A_KM + 39_700;
    expect(kep!.orbit.kind).toBe('keplerian');
    if (kep!.orbit.kind !== 'keplerian') return;
    expect(kep!.orbit.aM / 1000).toBeCloseTo((rp + ra) / 2, 6);
    expect(kep!.orbit.e).toBeCloseTo((ra - rp) / (ra + rp), 12);
    expect(kep!.orbit.elementsEpochS).toBe(-3600);
    expect(kep!.sensor.fieldOfRegard).toEqual({
      center: { latRad: 40 * D, lonRad: -100 * D },
      radiusM: 2_000_000,
    });
  });

  it('names unnamed radar faces <radar>:<n> and converts their geometry', () => {
    const [thule] = s.network.radars;
    expect(thule!.site).toEqual({ latRad: 76.57 * D, lonRad: -68.3 * D, altM: 200 });
    const [f1, f2] = thule!.faces;
    expect(f1).toMatchObject({
      id: 'THULE:1',
      boresightRad: 357 * D,
      maxRangeM: 5_556_000,
      refSnrDb: null,
      refRangeM: null,
      rejectFoldedEchoes: true,
      unambiguousRangeM: null,
    });
    expect(f2).toMatchObject({
      id: 'THULE-E',
      refSnrDb: 20,
      refRangeM: 3_000_000,
      rejectFoldedEchoes: false,
      pfa: 1e-5,
      falsePlotsPerScan: 2,
      measuresRangeRate: false,
    });
    for (const key of ['pfa', 'falsePlotsPerScan', 'measuresRangeRate']) expect(f1).not.toHaveProperty(key);
    expect(f2!.angleSigmaRad).toBeCloseTo(0.1 * D, 15);
    expect(s.network.disabled).toEqual(['HEO-1']);
    expect(s.network.degraded).toEqual([{ id: 'THULE-E', pdFactor: 0.5, sigmaFactor: 1 }]);
  });

  it('converts weather to metres', () => {
    expect(s.weather).toEqual({
      cloudTopM: 8000,
      regions: [{ center: { latRad: 50 * D, lonRad: -100 * D }, radiusM: 500_000, cloudTopM: 12_000 }],
    });
  });

  it('puts notification times in seconds after the epoch, offsets included', () => {
    const [n1, n2] = s.notifications;
    expect(n1).toMatchObject({
      issuedS: -86_400,
      window: { startS: 0, endS: 0 },
      delivered: true,
      deliveredS: -86_400,
      refersTo: null,
      numberOfLaunches: null,
      launchArea: { kind: 'circle', center: { latRad: 28.5 * D, lonRad: -80.6 * D }, radiusM: 50_000 },
      payloadOrbit: { inclinationRad: 51.6 * D, apogeeAltM: null, perigeeAltM: null },
    });
    expect(n1!.impactAreas.map((a) => a.kind)).toEqual(['circle', 'polygon']);
    expect(n1!.plannedDirectionRad).toBeCloseTo(45 * D, 15);
    expect(n2).toMatchObject({
      kind: 'cancellation',
      refersTo: 'N1',
      issuedS: -3600,
      window: { startS: 0, endS: 1800 },
      delivered: false,
      deliveredS: null,
      launchArea: { kind: 'ocean-quadrant', ocean: 'Atlantic', quadrant: 'NE' },
      impactAreas: [],
    });
  });

  it('fills the policy defaults around what the file sets', () => {
    expect(s.policy).toEqual({
      confirmRequires: 'two-sensors',
      attackWarningRequiresImpactInDefended: true,
      notificationWindowMarginS: 300,
      raidGroupingWindowS: 300,
      launchDetectedMinReports: 3,
    });
  });

  it("gives each centre the scenario's network and territory unless it has its own", () => {
    const [east, west] = s.centres;
    expect(east!.network).toEqual(s.network);
    expect(east!.defended).toEqual(s.defended);
    expect(west!.network).toEqual({
      preset: 'default',
      satellites: [],
      radars: [],
      disabled: [],
      degraded: [],
    });
    expect(west!.defended).toEqual([{ kind: 'country', name: 'MEX' }]);
  });

  it('keeps the source to locate later problems', () => {
    expect(s.source).toEqual({ name: 'full.yaml', text: FULL });
  });

  it('is plain data that survives a structured clone and JSON', () => {
    expect(structuredClone(s)).toEqual(s);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
