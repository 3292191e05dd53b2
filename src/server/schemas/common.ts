// Schemas every part of the API shares: names in paths, times in queries, the error
// body. Each named schema (`meta({ id })`) becomes one component of the OpenAPI
// document.
import { z } from 'zod';
import { describeValue } from '../../scenario/describe-value.ts';
import { ERROR_CODES } from '../http/api-error.ts';

/** Scenario names and run ids, as the store accepts them: safe in URLs and file names. */
export const recordName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, {
    error: (iss) =>
      `expected 1-100 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got ${describeValue(iss.input)}`,
  })
  .meta({ description: "1-100 letters, digits, '_', '.', ':' or '-', starting with a letter or digit." });

/** A time of a run in a query string: seconds after the scenario epoch. */
export const querySeconds = z.coerce
  .number()
  .min(0)
  .meta({ description: 'Simulation time, seconds after the scenario epoch.' });

export const isoInstant = z
  .string()
  .meta({ format: 'date-time', description: 'Wall-clock instant, UTC ISO-8601.' });

export const apiProblemSchema = z
  .object({
    source: z
      .string()
      .optional()
      .meta({ description: "Where: a file name, 'request body', 'query', 'path'." }),
    line: z.int().optional(),
    column: z.int().optional(),
    path: z.string().meta({ description: 'The field, as events[0].from; empty for the whole document.' }),
    pathSegments: z.array(z.union([z.string(), z.int()])),
    message: z.string().meta({ description: 'What is wrong and what was expected.' }),
  })
  .meta({ id: 'Problem', description: 'One located problem with the input.' });

export const errorBodySchema = z
  .object({
    error: z.enum(Object.values(ERROR_CODES) as [string, ...string[]]),
    message: z.string(),
    problems: z.array(apiProblemSchema).optional(),
  })
  .meta({ id: 'Error', description: 'Every 4xx and 5xx answer.' });

export const runIdParams = z.strictObject({ id: recordName });
