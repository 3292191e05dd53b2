// `npm run schema`: writes the scenario JSON Schema to schema/vigil-scenario.schema.json
// (a test checks that the committed file matches the zod schema).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from './json-schema.ts';

const target = resolve(import.meta.dirname, '../..', SCENARIO_SCHEMA_PATH);
writeFileSync(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${SCENARIO_SCHEMA_PATH}\n`);
