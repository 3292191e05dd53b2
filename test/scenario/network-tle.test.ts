// A TLE in a scenario is checked at load time (format, checksum, an SGP4 state), with
// its location in the file.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/input-error.ts';
import { parseScenario } from '../../src/scenario/load.ts';

const GOOD_LINE_2 = '2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667';
const scenario = (line2: string) => `name: t
epoch: 2026-05-01T12:00:00Z
duration: 10m
defended: []
events: []
network:
  satellites:
    - id: s1
      orbit: { tle: ["1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753", "${line2}"] }
      sensor: { mode: look-down, kind: scanner, revisitS: 10, sigmaDeg: 0.01 }
`;

describe('TLEs in scenario files', () => {
  it('accepts the Vallado verification TLE of satellite 00005 (DOMAIN.md §9.3)', () => {
    expect(parseScenario(scenario(GOOD_LINE_2), 't.yaml').network.satellites).toHaveLength(1);
  });

  it('rejects a bad checksum with the line, column and field', () => {
    const bad = `${GOOD_LINE_2.slice(0, -1)}8`;
    expect(() => parseScenario(scenario(bad), 't.yaml')).toThrow(InputError);
    try {
      parseScenario(scenario(bad), 't.yaml');
    } catch (e) {
      const p = (e as InputError).problems[0]!;
      expect(p.line).toBe(9);
      expect(p.path).toEqual(['network', 'satellites', 0, 'orbit', 'tle']);
      expect(p.message).toMatch(/checksum/);
    }
  });
});
