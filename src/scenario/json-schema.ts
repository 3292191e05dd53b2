// The JSON Schema of the scenario format, generated from the zod schema (the single
// source) for editors: YAML and JSON language servers use it for completion and
// checks. Draft-07, the dialect editors support most widely. Rules zod checks in
// code (cross-field checks, duration and instant details) are not in it; the
// loader remains the authority.
import { z } from 'zod';
import { scenarioFileSchema } from './schema.ts';

export const SCENARIO_SCHEMA_PATH = 'schema/vigil-scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioFileSchema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'any',
  });
  return {
    ...generated,
    title: 'vigil scenario',
    description:
      'A vigil scenario: launches and false-alarm phenomena over time, the sensor network watching them, notifications and the alert policy. See scenarios/README.md.',
  };
}

/** The committed file's exact text. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
