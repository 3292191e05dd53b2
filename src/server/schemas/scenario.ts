// Scenarios over the API: the file text as written (YAML or JSON, the format of
// scenarios/README.md, checked by the same loader as `vigil validate`), its versions,
// and a digest of what it holds for lists.
import { z } from 'zod';
import { MAX_SCENARIO_BYTES } from '../../scenario/load.ts';
import { isoInstant, recordName } from './common.ts';

export const scenarioText = z
  .string()
  .max(MAX_SCENARIO_BYTES)
  .meta({ description: 'The scenario file (YAML or JSON), as in scenarios/README.md.' });

export const scenarioDigestSchema = z
  .object({
    title: z.string().meta({ description: "The file's own name field." }),
    description: z.string().nullable(),
    epoch: isoInstant,
    durationS: z.number(),
    seed: z.int(),
    launches: z.int().meta({ description: 'Vehicles launched (a salvo counts each).' }),
    events: z.int(),
    notifications: z.int(),
    network: z.string().meta({ description: 'The network preset.' }),
    sensors: z.int().meta({ description: 'Satellites and radar faces.' }),
  })
  .meta({ id: 'ScenarioDigest', description: 'What a scenario holds, in brief.' });

export const scenarioHeadSchema = z
  .object({
    name: z.string(),
    latestVersion: z.int(),
    versions: z.int(),
    createdAt: isoInstant,
    updatedAt: isoInstant,
  })
  .meta({ id: 'ScenarioHead' });

export const scenarioVersionSchema = z
  .object({
    name: z.string(),
    version: z.int(),
    text: z.string(),
    createdAt: isoInstant,
    digest: scenarioDigestSchema,
  })
  .meta({ id: 'ScenarioVersion', description: 'One stored version of a scenario.' });

export const scenarioVersionInfoSchema = z
  .object({ name: z.string(), version: z.int(), createdAt: isoInstant, bytes: z.int() })
  .meta({ id: 'ScenarioVersionInfo' });

export const bundledScenarioSchema = z
  .object({
    id: z
      .string()
      .meta({ description: "Path under scenarios/ without '.yaml': 'salvo', 'incidents/1983-oko-glint'." }),
    text: z.string(),
    digest: scenarioDigestSchema,
  })
  .meta({ id: 'BundledScenario' });

export const scenarioNameParams = z.strictObject({ name: recordName });

export const createScenarioBody = z.strictObject({ name: recordName, text: scenarioText });

export const scenarioTextBody = z.strictObject({ text: scenarioText });

export const validateBody = z.strictObject({
  text: scenarioText,
  name: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'File name to locate problems by (default scenario.yaml).' }),
});

export const versionQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const validationSchema = z.object({ valid: z.literal(true), digest: scenarioDigestSchema }).meta({
  id: 'Validation',
  description: 'A valid scenario; an invalid one is a 400 with its located problems.',
});
