// The same scenario written as YAML and as JSON loads to the same Scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenario } from '../../src/scenario/load.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('JSON and YAML forms', () => {
  it.each(files)('%s loads identically from YAML and from its JSON translation', (file) => {
    const yamlText = readFileSync(join(DIR, file), 'utf8');
    const jsonText = JSON.stringify(parse(yamlText), null, 2);
    const fromYaml = parseScenario(yamlText, 'same.yaml');
    const fromJson = parseScenario(jsonText, 'same.json');
    expect({ ...fromJson, source: null }).toEqual({ ...fromYaml, source: null });
  });

  it('picks the JSON reading from the .json extension, or from the format argument', () => {
    const json = JSON.stringify(parse(readFileSync(join(DIR, 'polar-icbm.yaml'), 'utf8')));
    expect(parseScenario(json, 'a.JSON').name).toBe('Polar ICBM');
    expect(parseScenario(json, 'from-stdin', 'json').name).toBe('Polar ICBM');
  });

  it('accepts a $schema key so JSON files can point editors at the schema', () => {
    const data = parse(readFileSync(join(DIR, 'polar-icbm.yaml'), 'utf8'));
    const json = JSON.stringify({ $schema: '../schema/vigil-scenario.schema.json', ...data });
    expect(parseScenario(json, 'a.json').events).toHaveLength(1);
  });

  it('ignores a byte-order mark', () => {
    const text = readFileSync(join(DIR, 'polar-icbm.yaml'), 'utf8');
    expect({ ...parseScenario(`\uFEFF${text}`, 'a.yaml'), source: null }).toEqual({
      ...parseScenario(text, 'a.yaml'),
      source: null,
    });
  });
});
