// A table of broken scenario files: each must be refused with InputError and the
// exact located lines. Positions come from searching the text for the offending
// token (positionOf), not from the loader.
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/scenario/input-error.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { positionOf } from './position-of.ts';

const VALID = `name: Polar shot
epoch: 2026-05-01T12:00:00Z
duration: 40m
seed: 7
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
    profile: min-energy
`;

const CLASSES = 'icbm-liquid, icbm-solid, slbm, irbm, mrbm, srbm, slv, sounding-rocket';
const EVENT_TYPES = 'launch, glint, heat-source, sensor-fault, false-alarms';

function problemLines(text: string, source = 'broken.yaml'): string[] {
  try {
    parseScenario(text, source);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map(formatProblem);
  }
  throw new Error('the scenario loaded, but it should have been refused');
}

/** One expected line: the problem at the `occurrence`-th `token` in `text`. */
function line(text: string, token: string, path: string, message: string, occurrence = 1): string {
  const { line, column } = positionOf(text, token, occurrence);
  return `broken.yaml:${line}:${column}: ${path ? `${path}: ` : ''}${message}`;
}

const edit = (from: string, to: string) => {
  if (!VALID.includes(from)) throw new Error(`not in the valid text: ${from}`);
  return VALID.replace(from, to);
};

interface Row {
  name: string;
  text: string;
  expected: (text: string) => string[];
}

const rows: Row[] = [
  {
    name: 'bad YAML (a nested mapping on one line)',
    text: edit('name: Polar shot', 'name: Polar: shot'),
    expected: (t) => [
      line(t, 'Polar: shot', '', 'syntax error: Nested mappings are not allowed in compact mappings'),
    ],
  },
  {
    name: 'bad YAML (a duplicate key)',
    text: edit('    at: 60s\n', '    at: 60s\n    at: 90s\n'),
    expected: (t) => [line(t, 'at: 90s', '', 'syntax error: Map keys must be unique')],
  },
  {
    name: 'an unknown key, with the nearest valid one',
    text: edit('    class: icbm-solid', '    clas: icbm-solid'),
    expected: (t) => [line(t, 'clas:', 'events[0].clas', "unknown key 'clas' — did you mean 'class'?")],
  },
  {
    name: 'an unknown top-level key with no near match lists the valid keys',
    text: `${VALID}colour: blue\n`,
    expected: (t) => [
      line(
        t,
        'colour',
        'colour',
        "unknown key 'colour' (expected one of: $schema, name, description, epoch, duration, seed, defended, events, network, weather, notifications, policy, centres)",
      ),
    ],
  },
  {
    name: 'a wrong type',
    text: edit('seed: 7', 'seed: seven'),
    expected: (t) => [line(t, 'seven', 'seed', "expected a number, got 'seven'")],
  },
  {
    name: 'latitude 95',
    text: edit('from: [55.0, 90.0]', 'from: [95.0, 90.0]'),
    expected: (t) => [line(t, '95.0', 'events[0].from[0]', 'latitude must be between -90 and 90, got 95')],
  },
  {
    name: 'an unknown class, with the nearest valid one',
    text: edit('class: icbm-solid', 'class: icbm-sold'),
    expected: (t) => [
      line(
        t,
        'icbm-sold',
        'events[0].class',
        `unknown value 'icbm-sold' — did you mean 'icbm-solid'? (one of: ${CLASSES})`,
      ),
    ],
  },
  {
    name: "a missing 'to' on a ballistic launch (reported at the launch)",
    text: edit('    to: [35.0, -90.0]\n', ''),
    expected: (t) => [
      line(
        t,
        'type: launch',
        'events[0].to',
        "an icbm-solid launch needs 'to', the aim point [latDeg, lonDeg]",
      ),
    ],
  },
  {
    name: 'a duplicate event id',
    text: `${VALID}  - type: launch\n    id: L1\n    class: slbm\n    from: [40.0, -50.0]\n    to: [40.5, -78.0]\n    at: 2m\n`,
    expected: (t) => [line(t, 'L1', 'events[1].id', "duplicate id 'L1' (first used by events[0])", 2)],
  },
  {
    name: 'an epoch without a time zone',
    text: edit('epoch: 2026-05-01T12:00:00Z', 'epoch: 2026-05-01 12:00:00'),
    expected: (t) => [
      line(
        t,
        '2026-05-01 12:00:00',
        'epoch',
        "expected a UTC instant such as 2026-05-01T12:00:00Z (date, 'T', time with seconds, and Z or an offset like +03:00), got '2026-05-01 12:00:00'",
      ),
    ],
  },
  {
    name: 'a bad duration',
    text: edit('duration: 40m', 'duration: 40x'),
    expected: (t) => [
      line(
        t,
        '40x',
        'duration',
        "'40x' has an unknown unit 'x': use h, m or s (seconds (2400) or hours/minutes/seconds such as 40m, 90s, 1h30m)",
      ),
    ],
  },
  {
    name: 'both profile and apogeeKm',
    text: edit('    profile: min-energy\n', '    profile: min-energy\n    apogeeKm: 1200\n'),
    expected: (t) => [line(t, '1200', 'events[0].apogeeKm', "give either 'profile' or 'apogeeKm', not both")],
  },
  {
    name: 'a launch after the end of the scenario',
    text: edit('at: 60s', 'at: 50m'),
    expected: (t) => [
      line(t, '50m', 'events[0].at', 'launch at 3000 s is after the end of the scenario (duration 2400 s)'),
    ],
  },
  {
    name: 'an unknown event type, with the nearest valid one',
    text: edit('  - type: launch', '  - type: lanch'),
    expected: (t) => [
      line(
        t,
        'lanch',
        'events[0].type',
        `unknown type 'lanch' — did you mean 'launch'? (one of: ${EVENT_TYPES})`,
      ),
    ],
  },
  {
    name: "an slv given 'to' instead of an azimuth",
    text: edit('class: icbm-solid', 'class: slv').replace('    profile: min-energy\n', ''),
    expected: (t) => [
      line(
        t,
        'type: launch',
        'events[0].azimuth',
        "an slv launch needs 'azimuth' (degrees from north) or 'inclinationDeg'",
      ),
      line(
        t,
        '[35.0, -90.0]',
        'events[0].to',
        "an slv flies to orbit, not to a point: give 'azimuth' or 'inclinationDeg' instead of 'to'",
      ),
    ],
  },
  {
    name: 'a salvo without spacing',
    text: edit('    at: 60s\n', '    at: 60s\n    count: 3\n'),
    expected: (t) => [
      line(t, '3\n', 'events[0].count', "a salvo of 3 needs 'spacing', the time between launches (e.g. 30s)"),
    ],
  },
  {
    name: 'a missing core key (reported at the top mapping)',
    text: edit('duration: 40m\n', ''),
    expected: (t) => [line(t, 'name', 'duration', "missing required key 'duration'")],
  },
  {
    name: 'not-a-number and infinity',
    text: edit('from: [55.0, 90.0]', 'from: [.nan, .inf]'),
    expected: (t) => [
      line(t, '.nan', 'events[0].from[0]', 'expected a number, got not-a-number (.nan)'),
      line(t, '.inf', 'events[0].from[1]', 'expected a number, got infinity (.inf)'),
    ],
  },
  {
    name: 'a prototype-pollution key is only an unknown key',
    text: `${VALID}__proto__: {polluted: true}\n`,
    expected: (t) => [
      line(
        t,
        '__proto__',
        '__proto__',
        "unknown key '__proto__' (expected one of: $schema, name, description, epoch, duration, seed, defended, events, network, weather, notifications, policy, centres)",
      ),
    ],
  },
  {
    name: 'a top level that is a list',
    text: '- name: Polar shot\n',
    expected: (t) => [line(t, '- name', '', 'expected a mapping (key: value pairs), got a list of 1')],
  },
  {
    name: 'an empty file',
    text: '# nothing here\n',
    expected: () => [
      'broken.yaml: the file is empty: a scenario needs at least name, epoch, duration, defended and events',
    ],
  },
];

describe('broken scenario files', () => {
  it.each(rows)('$name', ({ text, expected }) => {
    expect(problemLines(text)).toEqual(expected(text));
  });

  it('reports every problem of a file at once, in text order', () => {
    const text = edit('seed: 7', 'seed: -1')
      .replace('class: icbm-solid', 'class: irbn')
      .replace('[55.0', '[-91');
    expect(problemLines(text)).toEqual([
      line(text, '-1', 'seed', 'must be at least 0, got -1'),
      line(
        text,
        'irbn',
        'events[0].class',
        `unknown value 'irbn' — did you mean 'irbm'? (one of: ${CLASSES})`,
      ),
      line(text, '-91', 'events[0].from[0]', 'latitude must be between -90 and 90, got -91'),
    ]);
  });

  it('locates problems in JSON files by line and column too', () => {
    const json = JSON.stringify(
      {
        name: 'Polar shot',
        epoch: '2026-05-01T12:00:00Z',
        duration: 2400,
        defended: ['USA'],
        events: [{ type: 'launch', id: 'L1', class: 'icbm-solid', from: [55, 190], to: [35, -90], at: 60 }],
      },
      null,
      2,
    );
    const { line: l, column } = positionOf(json, '190');
    expect(problemLines(json, 'broken.json')).toEqual([
      `broken.json:${l}:${column}: events[0].from[1]: longitude must be between -180 and 180, got 190`,
    ]);
  });

  it('refuses YAML-only syntax in a .json file', () => {
    const text = '{"name": Polar}';
    const { line: l, column } = positionOf(text, 'Polar');
    expect(problemLines(text, 'broken.json')).toEqual([
      `broken.json:${l}:${column}: syntax error: Unresolved plain scalar "Polar"`,
    ]);
  });

  it('caps a flood of problems at 100 lines plus a count of the rest', () => {
    const events = Array.from(
      { length: 150 },
      (_, i) => `  - {type: launch, id: E${i}, class: icbm-solid, from: [99, 0], to: [0, 0], at: 1}`,
    );
    const text = VALID.replace(/events:[\s\S]*$/, `events:\n${events.join('\n')}\n`);
    const lines = problemLines(text);
    expect(lines).toHaveLength(101);
    expect(lines[100]).toBe('broken.yaml: … and 50 more problems');
  });
});
