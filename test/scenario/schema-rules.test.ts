// The cross-field rules of the later parts' sections (network, phenomena,
// notifications, centres): each broken snippet is refused with the named field and
// reason, and the rules that allow several forms accept each of them.
import { describe, expect, it } from 'vitest';
import { formatPath, InputError } from '../../src/scenario/input-error.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const HEAD = `name: Rules
epoch: 2026-05-01T12:00:00Z
duration: 1h
defended: [USA]
`;

function problems(body: string): Array<[string, string]> {
  try {
    parseScenario(HEAD + body, 'rules.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => [formatPath(p.path), p.message]);
  }
  throw new Error('the scenario loaded, but it should have been refused');
}

const accepts = (body: string) => expect(() => parseScenario(HEAD + body, 'rules.yaml')).not.toThrow();

const SENSOR = '{mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50}';
const FACE =
  '{boresightDeg: 0, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5000, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1}';
const satellite = (orbit: string, sensor = SENSOR) =>
  `events: []\nnetwork:\n  satellites:\n    - {id: S, orbit: ${orbit}, sensor: ${sensor}}\n`;

describe('launch rules', () => {
  it.each([
    [
      '{type: launch, id: A, class: sounding-rocket, from: [69, 16], azimuth: 0, to: [78, 16], at: 0}',
      ['events[0].azimuth', "a sounding-rocket takes 'to' or 'azimuth', not both"],
    ],
    [
      '{type: launch, id: A, class: sounding-rocket, from: [69, 16], azimuth: 0, profile: lofted, at: 0}',
      ['events[0].profile', "a sounding-rocket takes 'apogeeKm', not a 'profile'"],
    ],
    [
      '{type: launch, id: A, class: slv, from: [45.9, 63.3], azimuth: 65, inclinationDeg: 51.6, at: 0}',
      ['events[0].inclinationDeg', "an slv takes 'azimuth' or 'inclinationDeg', not both"],
    ],
    [
      '{type: launch, id: A, class: slv, from: [45.9, 63.3], azimuth: 65, apogeeKm: 200, at: 0}',
      ['events[0].apogeeKm', "'apogeeKm' shapes ballistic flights; an slv flies to orbit"],
    ],
    [
      '{type: launch, id: A, class: irbm, from: [45, 63], to: [50, 80], azimuth: 65, at: 0}',
      ['events[0].azimuth', "an irbm launch flies to 'to'; 'azimuth' is only for slv and sounding-rocket"],
    ],
    [
      '{type: launch, id: A, class: srbm, from: [45, 63], to: [46, 64], inclinationDeg: 50, at: 0}',
      ['events[0].inclinationDeg', "'inclinationDeg' is only for slv launches"],
    ],
    [
      '{type: launch, id: A, class: srbm, from: [45, 63], to: [46, 64], at: 0, spacing: 10s}',
      ['events[0].spacing', "'spacing' only applies to a salvo ('count' above 1)"],
    ],
    [
      '{type: launch, id: A, class: srbm, from: [45, 63], to: [46, 64], at: 50m, count: 3, spacing: 6m}',
      [
        'events[0].count',
        "the salvo's last launch at 3720 s is after the end of the scenario (duration 3600 s)",
      ],
    ],
    [
      '{type: launch, id: A, class: srbm, from: [45, 63], to: [46, 64], at: 0, profile: loftd}',
      [
        'events[0].profile',
        "unknown value 'loftd' — did you mean 'lofted'? (one of: min-energy, lofted, depressed)",
      ],
    ],
    [
      '{type: launch, id: "A B", class: srbm, from: [45, 63], to: [46, 64], at: 0}',
      [
        'events[0].id',
        "an id is 1-64 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got 'A B'",
      ],
    ],
  ])('%s', (event, expected) => {
    expect(problems(`events:\n  - ${event}\n`)).toEqual([expected]);
  });
});

describe('phenomena rules', () => {
  it.each([
    [
      '{type: sensor-fault, id: F, sensor: GEO-1, kind: replay}',
      ['events[0].source', "a replay fault needs 'source', e.g. exercise-attack"],
    ],
    [
      '{type: sensor-fault, id: F, sensor: GEO-1, kind: outage, source: tape}',
      ['events[0].source', "'source' only applies to kind: replay"],
    ],
    [
      '{type: glint, id: G, region: {center: [47, -111], radiusKm: 100}, from: 10m, until: 5m}',
      ['events[0].until', "'until' (300 s) must be after 'from' (600 s)"],
    ],
    [
      '{type: heat-source, id: H, site: [60, 100], from: 2h}',
      ['events[0].from', 'starts at 7200 s, after the end of the scenario (duration 3600 s)'],
    ],
    [
      '{type: false-alarms, id: X, sensor: "*", ratePerHour: -1}',
      ['events[0].ratePerHour', 'ratePerHour must be between 0 and 10000, got -1'],
    ],
  ])('%s', (event, expected) => {
    expect(problems(`events:\n  - ${event}\n`)).toEqual([expected]);
  });

  it('accepts every phenomenon in its documented form', () => {
    accepts(`events:
  - {type: glint, id: G, region: {center: [47, -111], radiusKm: 100}, from: 1m, until: 9m, cloudTopKm: 9, angularWidthDeg: 2, intensity: 0.5}
  - {type: heat-source, id: H, site: [60, 100], intensity: 0.1}
  - {type: sensor-fault, id: F1, sensor: GEO-1, kind: stuck, from: 0, until: 1m}
  - {type: sensor-fault, id: F2, sensor: GEO-1, kind: corrupt-count}
  - {type: sensor-fault, id: F3, sensor: NORAD, kind: replay, source: exercise-attack}
  - {type: false-alarms, id: X, sensor: "*", ratePerHour: 2}
`);
  });
});

describe('network rules', () => {
  it.each([
    [
      satellite('{geo: {lonDeg: 0}, tundra: {apogeeLonDeg: 0}}'),
      [
        'network.satellites[0].orbit.tundra',
        "an orbit takes only one of geo, molniya, tundra, keplerian, tle; got both 'geo' and 'tundra'",
      ],
    ],
    [
      satellite('{}'),
      ['network.satellites[0].orbit', 'an orbit needs one of: geo, molniya, tundra, keplerian, tle'],
    ],
    [
      satellite('{gep: {lonDeg: 0}}'),
      ['network.satellites[0].orbit.gep', "unknown key 'gep' — did you mean 'geo'?"],
    ],
    [
      satellite(
        '{keplerian: {aKm: 7000, perigeeKm: 500, apogeeKm: 800, incDeg: 50, raanDeg: 0, argpDeg: 0, meanAnomalyDeg: 0}}',
      ),
      [
        'network.satellites[0].orbit.keplerian.perigeeKm',
        'give either aKm (with e) or perigeeKm and apogeeKm, not both',
      ],
    ],
    [
      satellite('{keplerian: {aKm: 7000, e: 0.5, incDeg: 50, raanDeg: 0, argpDeg: 0, meanAnomalyDeg: 0}}'),
      [
        'network.satellites[0].orbit.keplerian.e',
        'perigee (aKm * (1 - e)) is below 100 km altitude: the orbit would hit the Earth',
      ],
    ],
    [
      satellite(
        '{keplerian: {perigeeKm: 900, apogeeKm: 800, incDeg: 50, raanDeg: 0, argpDeg: 0, meanAnomalyDeg: 0}}',
      ),
      ['network.satellites[0].orbit.keplerian.perigeeKm', 'perigeeKm is above apogeeKm'],
    ],
    [
      satellite(
        '{geo: {lonDeg: 0}}',
        '{mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50, sigmaDeg: 0.1}',
      ),
      [
        'network.satellites[0].sensor.sigmaDeg',
        "a sensor line-of-sight noise takes only one of sigmaMicrorad, sigmaDeg; got both 'sigmaMicrorad' and 'sigmaDeg'",
      ],
    ],
    [
      satellite('{geo: {lonDeg: 0}}', '{mode: look-dwn, kind: scanner, revisitS: 10, sigmaDeg: 0.1}'),
      [
        'network.satellites[0].sensor.mode',
        "unknown value 'look-dwn' — did you mean 'look-down'? (one of: look-down, limb)",
      ],
    ],
    [
      `events: []\nnetwork:\n  radars:\n    - {id: R, site: [50, 0], faces: [{boresightDeg: 0, halfWidthDeg: 60, minElevationDeg: 30, maxElevationDeg: 20, maxRangeKm: 5000, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1}]}\n`,
      [
        'network.radars[0].faces[0].maxElevationDeg',
        'maxElevationDeg (20) must be above minElevationDeg (30)',
      ],
    ],
    [
      `events: []\nnetwork:\n  radars:\n    - {id: R, site: [50, 0], faces: [{boresightDeg: 0, halfWidthDeg: 60, minElevationDeg: 3, maxElevationDeg: 85, maxRangeKm: 5000, band: UHF, revisitS: 5, rangeSigmaM: 50, angleSigmaDeg: 0.1, refSnrDb: 13}]}\n`,
      [
        'network.radars[0].faces[0].refRangeKm',
        'give refSnrDb and refRangeKm together (or neither, to calibrate from maxRangeKm)',
      ],
    ],
    [
      'events: []\nnetwork: {degrade: [{id: X}]}\n',
      ['network.degrade[0]', 'degrade needs pdFactor or sigmaFactor (or both)'],
    ],
    [
      'events: []\nnetwork: {satelites: []}\n',
      ['network.satelites', "unknown key 'satelites' — did you mean 'satellites'?"],
    ],
    ['events: []\nnetwork: 5\n', ['network', 'expected text or a mapping (key: value pairs), got 5']],
    [
      'events: []\nnetwork: Default Network\n',
      ['network', "a network preset name is lower-case letters, digits and '-', got 'Default Network'"],
    ],
  ])('%#: %s', (body, expected) => {
    expect(problems(body)).toEqual([expected]);
  });

  it('refuses a sensor id used twice, counting default face ids', () => {
    const body = `events: []\nnetwork:\n  radars:\n    - {id: R, site: [50, 0], faces: [${FACE}]}\n    - {id: R, site: [51, 0], faces: [${FACE}]}\n    - {id: Q, site: [52, 0], faces: [${FACE}, ${FACE.replace('{', '{id: Q:1, ')}]}\n`;
    expect(problems(body)).toEqual([
      ['network.radars[1].id', "duplicate sensor id 'R' (first used by radars[0].id)"],
      ['network.radars[1].faces[0].id', "duplicate sensor id 'R:1' (first used by radars[0].faces[0].id)"],
      ['network.radars[2].faces[1].id', "duplicate sensor id 'Q:1' (first used by radars[2].faces[0].id)"],
    ]);
  });

  it('accepts each orbit form and a preset by name', () => {
    for (const orbit of [
      '{geo: {lonDeg: -100}}',
      '{molniya: {apogeeLonDeg: 30, perigeeKm: 1645, apogeeKm: 38540, incDeg: 63.8}}',
      '{tundra: {apogeeLonDeg: -90}}',
      '{keplerian: {aKm: 42164, incDeg: 0, raanDeg: 0, argpDeg: 0, meanAnomalyDeg: 0}}',
      '{tle: ["1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927", "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537"]}',
    ])
      accepts(satellite(orbit));
    accepts('events: []\nnetwork: default\n');
  });
});

describe('notification and centre rules', () => {
  const note = (extra: string, id = 'N1') =>
    `  - {id: ${id}, regime: HCoC, kind: pre-launch, issued: 2026-04-30T12:00:00Z, vehicleClass: SLV, window: {start: 2026-05-01T12:00:00Z, end: 2026-05-01T13:00:00Z}, launchArea: {namedWater: Barents Sea}, channel: NRRC${extra}}\n`;

  it.each([
    [
      note(', deliveredAt: 2026-04-30T11:00:00Z'),
      ['notifications[0].deliveredAt', 'delivered before it was issued'],
    ],
    [
      note(', delivered: false, deliveredAt: 2026-04-30T13:00:00Z'),
      ['notifications[0].deliveredAt', "'deliveredAt' contradicts delivered: false"],
    ],
    [
      note(', kind: update').replace('kind: pre-launch, ', ''),
      ['notifications[0].refersTo', "a update needs 'refersTo', the id of the notification it changes"],
    ],
    [
      note(', refersTo: N0').replace('kind: pre-launch', 'kind: cancellation'),
      ['notifications[0].refersTo', "refers to 'N0', which no earlier notification has as its id"],
    ],
    [
      note('').replace('launchArea: {namedWater: Barents Sea}', 'launchArea: {center: [1, 2]}'),
      [
        'notifications[0].launchArea.radiusKm',
        'a circular area needs both center [latDeg, lonDeg] and radiusKm',
      ],
    ],
    [
      note('').replace('end: 2026-05-01T13:00:00Z', 'end: 2026-05-01T11:00:00Z'),
      ['notifications[0].window.end', 'the window ends before it starts'],
    ],
    [
      note('') + note('', 'N1'),
      ['notifications[1].id', "duplicate id 'N1' (first used by notifications[0])"],
    ],
  ])('%#', (list, expected) => {
    expect(problems(`events: []\nnotifications:\n${list}`)).toEqual([expected]);
  });

  it('refuses two centres with one id', () => {
    expect(problems('events: []\ncentres: [{id: A}, {id: A}]\n')).toEqual([
      ['centres[1].id', "duplicate id 'A' (first used by centres[0])"],
    ]);
  });

  it('refuses a policy key it does not know, suggesting the nearest', () => {
    expect(problems('events: []\npolicy: {confirmRequire: any}\n')).toEqual([
      ['policy.confirmRequire', "unknown key 'confirmRequire' — did you mean 'confirmRequires'?"],
    ]);
  });
});
