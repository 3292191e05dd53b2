// From the validated file (degrees, kilometres, duration text, ISO instants) to the
// normalised Scenario (radians, metres, seconds after the epoch): the one place the
// file's edge units are converted (DESIGN.md §3).
import { DEG, WGS84_A } from '../physics/constants.ts';
import { checkDuration } from './duration.ts';
import type {
  DefendedArea,
  EventSpec,
  GeoCircle,
  GeoPoint,
  ImpactAreaSpec,
  LaunchAim,
  LaunchAreaSpec,
  NetworkSpec,
  NotificationSpec,
  OrbitSpec,
  RadarSpec,
  SatelliteSpec,
  Scenario,
} from './scenario.ts';
import type {
  DefendedAreaFile,
  LaunchEvent,
  NetworkFile,
  NotificationFile,
  OrbitFile,
  RadarFile,
  SatelliteFile,
  ScenarioEvent,
  ScenarioFile,
} from './schema.ts';
import { BALLISTIC_CLASSES } from './schema-events.ts';
import { checkUtcInstant } from './utc-instant.ts';

const KM = 1000;
/** Microradians per radian (divide: exact for the written values, unlike multiplying by 1e-6). */
const MICRORAD_PER_RAD = 1e6;

export function normaliseScenario(file: ScenarioFile, source: { name: string; text: string }): Scenario {
  const epochUnixMs = instantMs(file.epoch);
  const durationS = seconds(file.duration);
  const sinceEpochS = (iso: string) => (instantMs(iso) - epochUnixMs) / 1000;
  const defended = file.defended.map(defendedArea);
  const network = networkSpec(file.network, sinceEpochS);
  return {
    name: file.name,
    description: file.description ?? null,
    epochIso: new Date(epochUnixMs).toISOString().replace('.000Z', 'Z'),
    epochUnixMs,
    durationS,
    seed: file.seed,
    defended,
    events: file.events.map((e) => eventSpec(e, durationS)),
    network,
    weather: file.weather
      ? {
          cloudTopM: file.weather.cloudTopKm * KM,
          regions: file.weather.regions.map((r) => ({ ...circle(r), cloudTopM: r.cloudTopKm * KM })),
        }
      : null,
    notifications: file.notifications.map((n) => notificationSpec(n, sinceEpochS)),
    policy: { ...file.policy },
    centres: file.centres.map((c) => ({
      id: c.id,
      network: c.network === undefined ? network : networkSpec(c.network, sinceEpochS),
      defended: c.defended === undefined ? defended : c.defended.map(defendedArea),
    })),
    source,
  };
}

function eventSpec(e: ScenarioEvent, durationS: number): EventSpec {
  if (e.type === 'launch') return launchSpec(e);
  // Phenomena last the whole run unless the file bounds them.
  const fromS = e.from === undefined ? 0 : seconds(e.from);
  const untilS = e.until === undefined ? durationS : seconds(e.until);
  switch (e.type) {
    case 'glint':
      return {
        type: 'glint',
        id: e.id,
        region: circle(e.region),
        fromS,
        untilS,
        cloudTopM: e.cloudTopKm === undefined ? null : e.cloudTopKm * KM,
        angularWidthRad: e.angularWidthDeg * DEG,
        intensity: e.intensity ?? null,
      };
    case 'heat-source':
      return {
        type: 'heat-source',
        id: e.id,
        site: geo(e.site),
        fromS,
        untilS,
        intensity: e.intensity ?? null,
      };
    case 'sensor-fault':
      return {
        type: 'sensor-fault',
        id: e.id,
        sensorId: e.sensor,
        kind: e.kind,
        fromS,
        untilS,
        source: e.source ?? null,
      };
    case 'false-alarms':
      return {
        type: 'false-alarms',
        id: e.id,
        sensorId: e.sensor,
        ratePerS: e.ratePerHour / 3600,
        fromS,
        untilS,
      };
  }
}

function launchSpec(e: LaunchEvent): EventSpec {
  const ballistic = BALLISTIC_CLASSES.includes(e.class);
  let aim: LaunchAim;
  if (e.to !== undefined) aim = { kind: 'target', to: geo(e.to) };
  else if (e.azimuth !== undefined) aim = { kind: 'azimuth', azimuthRad: e.azimuth * DEG };
  else aim = { kind: 'inclination', inclinationRad: (e.inclinationDeg ?? 0) * DEG };
  return {
    type: 'launch',
    id: e.id,
    vehicleClass: e.class,
    from: geo(e.from),
    aim,
    atS: seconds(e.at),
    profile: ballistic && e.apogeeKm === undefined ? (e.profile ?? 'min-energy') : null,
    apogeeM: e.apogeeKm === undefined ? null : e.apogeeKm * KM,
    count: e.count ?? 1,
    spacingS: e.spacing === undefined ? 0 : seconds(e.spacing),
    notes: e.notes ?? null,
  };
}

function networkSpec(n: NetworkFile, sinceEpochS: (iso: string) => number): NetworkSpec {
  if (typeof n === 'string') return { preset: n, satellites: [], radars: [], disabled: [], degraded: [] };
  return {
    preset: n.preset,
    satellites: n.satellites.map((s) => satelliteSpec(s, sinceEpochS)),
    radars: n.radars.map(radarSpec),
    disabled: [...n.disable],
    degraded: n.degrade.map((d) => ({
      id: d.id,
      pdFactor: d.pdFactor ?? 1,
      sigmaFactor: d.sigmaFactor ?? 1,
    })),
  };
}

function satelliteSpec(s: SatelliteFile, sinceEpochS: (iso: string) => number): SatelliteSpec {
  const sensor = s.sensor;
  return {
    id: s.id,
    orbit: orbitSpec(s.orbit, sinceEpochS),
    sensor: {
      mode: sensor.mode,
      kind: sensor.kind,
      revisitS: sensor.revisitS,
      sigmaRad:
        sensor.sigmaDeg !== undefined
          ? sensor.sigmaDeg * DEG
          : (sensor.sigmaMicrorad ?? 0) / MICRORAD_PER_RAD,
      fieldOfRegard: sensor.fieldOfRegard ? circle(sensor.fieldOfRegard) : null,
      limbMarginM: sensor.limbMarginKm * KM,
      neiWPerM2: sensor.neiWPerM2 ?? null,
    },
  };
}

function orbitSpec(o: OrbitFile, sinceEpochS: (iso: string) => number): OrbitSpec {
  if (o.geo) return { kind: 'geo', lonRad: o.geo.lonDeg * DEG };
  if (o.molniya)
    return {
      kind: 'molniya',
      apogeeLonRad: o.molniya.apogeeLonDeg * DEG,
      perigeeAltM: o.molniya.perigeeKm * KM,
      apogeeAltM: o.molniya.apogeeKm * KM,
      incRad: o.molniya.incDeg * DEG,
      argpRad: o.molniya.argpDeg * DEG,
      meanAnomalyRad: o.molniya.meanAnomalyDeg * DEG,
    };
  if (o.tundra)
    return {
      kind: 'tundra',
      apogeeLonRad: o.tundra.apogeeLonDeg * DEG,
      e: o.tundra.e,
      incRad: o.tundra.incDeg * DEG,
      argpRad: o.tundra.argpDeg * DEG,
      meanAnomalyRad: o.tundra.meanAnomalyDeg * DEG,
    };
  if (o.keplerian) {
    const k = o.keplerian;
    let aM: number;
    let e: number;
    if (k.aKm !== undefined) {
      aM = k.aKm * KM;
      e = k.e ?? 0;
    } else {
      // Perigee and apogee altitudes are above the equatorial radius (DOMAIN.md §3.3 usage).
      const rp = WGS84_A + (k.perigeeKm ?? 0) * KM;
      const ra = WGS84_A + (k.apogeeKm ?? 0) * KM;
      aM = (rp + ra) / 2;
      e = (ra - rp) / (ra + rp);
    }
    return {
      kind: 'keplerian',
      aM,
      e,
      incRad: k.incDeg * DEG,
      raanRad: k.raanDeg * DEG,
      argpRad: k.argpDeg * DEG,
      meanAnomalyRad: k.meanAnomalyDeg * DEG,
      elementsEpochS: k.epoch === undefined ? 0 : sinceEpochS(k.epoch),
    };
  }
  const [line1, line2] = o.tle!;
  return { kind: 'tle', line1, line2 };
}

function radarSpec(r: RadarFile): RadarSpec {
  return {
    id: r.id,
    site: { ...geo([r.site[0], r.site[1]]), altM: r.site[2] ?? 0 },
    faces: r.faces.map((f, j) => ({
      id: f.id ?? `${r.id}:${j + 1}`,
      boresightRad: f.boresightDeg * DEG,
      halfWidthRad: f.halfWidthDeg * DEG,
      minElevationRad: f.minElevationDeg * DEG,
      maxElevationRad: f.maxElevationDeg * DEG,
      maxRangeM: f.maxRangeKm * KM,
      band: f.band,
      revisitS: f.revisitS,
      rangeSigmaM: f.rangeSigmaM,
      angleSigmaRad: f.angleSigmaDeg * DEG,
      refSnrDb: f.refSnrDb ?? null,
      refRangeM: f.refRangeKm === undefined ? null : f.refRangeKm * KM,
      rejectFoldedEchoes: f.rejectFoldedEchoes,
      unambiguousRangeM: f.unambiguousRangeKm === undefined ? null : f.unambiguousRangeKm * KM,
      ...(f.pfa === undefined ? {} : { pfa: f.pfa }),
      ...(f.falsePlotsPerScan === undefined ? {} : { falsePlotsPerScan: f.falsePlotsPerScan }),
      ...(f.measuresRangeRate === undefined ? {} : { measuresRangeRate: f.measuresRangeRate }),
    })),
  };
}

function notificationSpec(n: NotificationFile, sinceEpochS: (iso: string) => number): NotificationSpec {
  const po = n.payloadOrbit;
  return {
    id: n.id,
    regime: n.regime,
    kind: n.kind,
    refersTo: n.refersTo ?? null,
    issuedS: sinceEpochS(n.issued),
    vehicleClass: n.vehicleClass,
    window: { startS: sinceEpochS(n.window.start), endS: sinceEpochS(n.window.end) },
    launchArea: launchArea(n.launchArea),
    plannedDirectionRad: n.plannedDirectionDeg === undefined ? null : n.plannedDirectionDeg * DEG,
    impactAreas: (n.impactAreas ?? []).map(impactArea),
    numberOfLaunches: n.numberOfLaunches ?? null,
    groupLaunch: n.groupLaunch ?? null,
    payloadOrbit: po
      ? {
          inclinationRad: po.inclinationDeg === undefined ? null : po.inclinationDeg * DEG,
          apogeeAltM: po.apogeeKm === undefined ? null : po.apogeeKm * KM,
          perigeeAltM: po.perigeeKm === undefined ? null : po.perigeeKm * KM,
        }
      : null,
    channel: n.channel,
    delivered: n.delivered,
    deliveredS: n.delivered ? sinceEpochS(n.deliveredAt ?? n.issued) : null,
  };
}

function launchArea(a: NotificationFile['launchArea']): LaunchAreaSpec {
  if (a.center !== undefined)
    return { kind: 'circle', ...circle({ center: a.center, radiusKm: a.radiusKm ?? 0 }) };
  if (a.polygon !== undefined) return { kind: 'polygon', vertices: a.polygon.map(geo) };
  if (a.oceanQuadrant !== undefined)
    return { kind: 'ocean-quadrant', ocean: a.oceanQuadrant.ocean, quadrant: a.oceanQuadrant.quadrant };
  return { kind: 'named-water', name: a.namedWater ?? '' };
}

function impactArea(a: NonNullable<NotificationFile['impactAreas']>[number]): ImpactAreaSpec {
  if (a.center !== undefined)
    return { kind: 'circle', ...circle({ center: a.center, radiusKm: a.radiusKm ?? 0 }) };
  return { kind: 'polygon', vertices: (a.polygon ?? []).map(geo) };
}

function defendedArea(d: DefendedAreaFile): DefendedArea {
  return typeof d === 'string'
    ? { kind: 'country', name: d }
    : { kind: 'polygon', vertices: d.polygon.map(geo) };
}

function geo(p: readonly [number, number]): GeoPoint {
  return { latRad: p[0] * DEG, lonRad: p[1] * DEG };
}

function circle(c: { center: readonly [number, number]; radiusKm: number }): GeoCircle {
  return { center: geo(c.center), radiusM: c.radiusKm * KM };
}

/** Seconds of a duration the schema has already accepted. */
function seconds(value: string | number): number {
  const result = checkDuration(value);
  if ('problem' in result) throw new Error(`normalise: unchecked duration ${String(value)}`);
  return result.seconds;
}

function instantMs(text: string): number {
  const result = checkUtcInstant(text);
  if ('problem' in result) throw new Error(`normalise: unchecked instant ${text}`);
  return result.unixMs;
}
