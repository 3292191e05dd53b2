import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/load.ts';
import { scenarioProblem } from '../../src/scenario/locate.ts';
import { positionOf } from './position-of.ts';

const TEXT = `name: Reach
epoch: 2026-05-01T12:00:00Z
duration: 1h
defended: [USA]
events:
  - type: launch
    id: L1
    class: srbm
    from: [45.0, 63.0]
    to: [10.0, -90.0]
    at: 1m
`;

describe('scenarioProblem (locating problems found after loading)', () => {
  it('points at a field of a loaded scenario, so the world can report an aim out of reach', () => {
    const scenario = parseScenario(TEXT, 'reach.yaml');
    const problem = scenarioProblem(scenario.source, ['events', 0, 'to'], 'aim point out of reach');
    expect(problem).toEqual({
      source: 'reach.yaml',
      ...positionOf(TEXT, '[10.0, -90.0]'),
      path: ['events', 0, 'to'],
      message: 'aim point out of reach',
    });
  });

  it('falls back to the enclosing mapping for a key the file does not have', () => {
    const scenario = parseScenario(TEXT, 'reach.yaml');
    const problem = scenarioProblem(scenario.source, ['events', 0, 'apogeeKm'], 'x');
    expect({ line: problem.line, column: problem.column }).toEqual(positionOf(TEXT, 'type: launch'));
  });

  it('points into JSON text by line and column as well', () => {
    const json = '{\n  "name": "x",\n  "events": [\n    {"id": "L1", "to": [1, 2]}\n  ]\n}';
    const problem = scenarioProblem({ name: 'a.json', text: json }, ['events', 0, 'to'], 'x');
    expect({ line: problem.line, column: problem.column }).toEqual(positionOf(json, '[1, 2]'));
  });
});
