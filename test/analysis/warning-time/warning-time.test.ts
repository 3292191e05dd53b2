// The warning-time run and its maps: stopping at the attack warning gives the times a
// full-length run gives; the scenario behind a question; the map's cells and pictures.
import { describe, expect, it } from 'vitest';
import { observeRun } from '../../../src/analysis/montecarlo/observed-run.ts';
import { runPooled } from '../../../src/analysis/montecarlo/pool.ts';
import { scoreRun } from '../../../src/analysis/montecarlo/score-run.ts';
import { renderWarningMapsSvg, warningMapGeoJson } from '../../../src/analysis/warning-time/map-render.ts';
import { singleLaunchScenario } from '../../../src/analysis/warning-time/single-launch.ts';
import {
  assembleMaps,
  type CellResult,
  mapCells,
  NEVER,
  OUT_OF_REACH,
  runMapCell,
  type WarningMapSpec,
} from '../../../src/analysis/warning-time/warning-map.ts';
import { prepareLaunch, runWarningTime } from '../../../src/analysis/warning-time/warning-time.ts';

const SPEC = {
  launch: { latDeg: 55, lonDeg: 90 },
  target: { latDeg: 40, lonDeg: -95 },
  vehicleClass: 'icbm-solid' as const,
  profile: 'min-energy' as const,
  network: 'default',
  epochIso: '2026-05-01T12:00:00Z',
  seed: 3,
};

describe('warning time of one launch', () => {
  it('stopping at the attack warning gives the level times of a run to the end', () => {
    const prepared = prepareLaunch(SPEC);
    const r = runWarningTime(prepared);
    expect(r.levels['attack-warning']).not.toBeNull();
    expect(r.ranToS).toBeLessThan(r.flightTimeS!);
    const full = scoreRun(observeRun(prepared.scenario, { seed: SPEC.seed, truth: prepared.truth }))
      .launches[0]!;
    for (const level of ['event', 'launch-detected', 'launch-confirmed', 'attack-warning'] as const)
      expect(r.levels[level]!.afterLaunchS).toBe(full.levels[level]);
    expect(r.warningMarginS).toBe(full.warningMarginS);
    expect(r.firstReport!.afterLaunchS).toBe(full.firstReportS);
  });

  it('the run ends a minute after impact, and the truth is flown to the ground', () => {
    const prepared = prepareLaunch(SPEC);
    const rv = prepared.truth.objects.find((o) => o.kind === 'rv')!;
    expect(prepared.scenario.durationS).toBe(Math.ceil(rv.impactTimeS!) + 60);
  });

  it('defends the country the target lies in, or a 300 km circle round a target at sea', () => {
    expect(singleLaunchScenario(SPEC).defended).toEqual([{ kind: 'country', name: 'USA' }]);
    const sea = singleLaunchScenario({ ...SPEC, target: { latDeg: 30, lonDeg: -40 } }).defended;
    expect(sea).toHaveLength(1);
    expect(sea[0]!.kind).toBe('polygon');
    const ring = sea[0]!.kind === 'polygon' ? sea[0]!.vertices : [];
    // Every vertex 300 km from the target (spherical, R = 6371 km): 2.698° of arc.
    for (const v of ring) {
      const c =
        Math.sin(v.latRad) * Math.sin((30 * Math.PI) / 180) +
        Math.cos(v.latRad) * Math.cos((30 * Math.PI) / 180) * Math.cos(v.lonRad + (40 * Math.PI) / 180);
      expect(Math.acos(c) * 6371).toBeCloseTo(300, 0);
    }
  });

  it('an aim point out of the class’s reach is bad input', () => {
    expect(() =>
      prepareLaunch({ ...SPEC, vehicleClass: 'icbm-solid', target: { latDeg: 55.5, lonDeg: 90 } }),
    ).toThrow(/less than 20 km|reach/);
  });
});

const MAP: WarningMapSpec = {
  vary: 'launch',
  fixed: { latDeg: 40, lonDeg: -95 },
  cellDeg: 30,
  vehicleClass: 'icbm-solid',
  profile: 'min-energy',
  network: 'default',
  epochIso: '2026-05-01T12:00:00Z',
  seed: 1,
};

describe('warning-time maps', () => {
  it('maps the cells whose centres lie within the class’s range band (5,500–15,000 km for an ICBM)', () => {
    const cells = mapCells(MAP);
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) {
      expect(c.rangeKm).toBeGreaterThanOrEqual(5500);
      expect(c.rangeKm).toBeLessThanOrEqual(15000);
      expect((c.latDeg + 90 - 15) % 30).toBeCloseTo(0, 9);
    }
    // The cell holding the target itself is not mapped.
    expect(cells.some((c) => Math.abs(c.latDeg - 45) < 1 && Math.abs(c.lonDeg + 105) < 1)).toBe(false);
  });

  it('worker threads give each cell the result of a run in this thread', async () => {
    const cells = mapCells(MAP);
    const pooled = await runPooled<CellResult>({ kind: 'warning-map', spec: MAP }, [0, 1, 2], { workers: 2 });
    for (const k of [0, 1, 2]) expect(pooled.results.get(k)).toEqual(runMapCell(MAP, cells[k]!));
  }, 60_000);

  it('puts margins and confirmation times in minutes on the grid, with classes for never and out of reach', () => {
    const cells = mapCells(MAP).slice(0, 3);
    const base = { firstReportS: 40, launchDetectedS: 55, attackWarningS: 300, flightTimeS: 2100 };
    const results: CellResult[] = [
      { ...base, confirmedS: 300, warningMarginS: 1800, unreachable: null },
      { ...base, confirmedS: null, attackWarningS: null, warningMarginS: null, unreachable: null },
      { ...base, confirmedS: null, warningMarginS: null, unreachable: 'beyond the reach' },
    ];
    const maps = assembleMaps(MAP, cells, results);
    expect(maps.marginMin[cells[0]!.gridIndex]).toBe(30);
    expect(maps.confirmationMin[cells[0]!.gridIndex]).toBe(5);
    expect(maps.marginMin[cells[1]!.gridIndex]).toBe(NEVER);
    expect(maps.marginMin[cells[2]!.gridIndex]).toBe(OUT_OF_REACH);
    expect([...maps.marginMin].filter((v) => !Number.isNaN(v))).toHaveLength(3);

    const svg = renderWarningMapsSvg(MAP, maps, 3);
    expect(svg.match(/<svg /g)).toHaveLength(3);
    for (const label of ['no attack warning', 'never confirmed', 'out of reach', '≥ 30 min', 'target'])
      expect(svg).toContain(label);

    const geo = warningMapGeoJson(MAP, maps, cells, results);
    expect(geo.features).toHaveLength(3);
    expect(geo.features[0]!.properties).toMatchObject({ warningMarginMin: 30, confirmedS: 300 });
    expect(geo.features.map((f) => f.properties['warningMarginMin'])).toContain(null);
    expect(JSON.parse(JSON.stringify(geo)).features[2].properties.outOfReach).toBe('beyond the reach');
  });
});
