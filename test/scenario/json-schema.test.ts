import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SCENARIO_SCHEMA_PATH,
  scenarioJsonSchema,
  scenarioJsonSchemaText,
} from '../../src/scenario/json-schema.ts';

const committed = readFileSync(resolve(import.meta.dirname, '../..', SCENARIO_SCHEMA_PATH), 'utf8');

describe('the generated JSON Schema', () => {
  it('is committed up to date with the zod schema (run `npm run schema` after changing it)', () => {
    expect(committed).toBe(scenarioJsonSchemaText());
  });

  it('requires the DESIGN.md §5 core keys and refuses unknown top-level keys', () => {
    const schema = scenarioJsonSchema() as { required: string[]; additionalProperties: boolean };
    expect(schema.required).toEqual(
      expect.arrayContaining(['name', 'epoch', 'duration', 'defended', 'events']),
    );
    expect(schema.required).not.toContain('seed');
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists the eight vehicle classes of the contract', () => {
    const text = scenarioJsonSchemaText();
    for (const cls of ['icbm-liquid', 'icbm-solid', 'slbm', 'irbm', 'mrbm', 'srbm', 'slv', 'sounding-rocket'])
      expect(text).toContain(`"${cls}"`);
  });
});
