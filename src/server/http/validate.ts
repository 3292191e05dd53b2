// Request parts checked against their zod schemas, with the scenario loader's wording
// (issue-messages.ts): a bad part is an InputError whose problems name the part
// (`request body`, `query`, `path`), the field path and what was expected — one
// problem per unknown key, so each is reported at its own path.
import type { z } from 'zod';
import { InputError } from '../../scenario/input-error.ts';
import { scenarioErrorMap } from '../../scenario/issue-messages.ts';
import { issueProblems } from '../../scenario/issue-problems.ts';

export type RequestPart = 'request body' | 'query' | 'path';

export function checkPart<T>(schema: z.ZodType<T>, value: unknown, part: RequestPart): T {
  const result = schema.safeParse(value, { error: scenarioErrorMap });
  if (result.success) return result.data;
  throw new InputError(issueProblems(result.error.issues, part));
}
