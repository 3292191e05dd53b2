// zod issues as located problems, for every decoder of outside input (request parts,
// bus and exchange messages): one problem per unknown key, each at its own path —
// scenarioErrorMap words them one per line, in the order of `keys` — and the rest as
// they come, worded by that map (values quoted on one printable line).
import type { z } from 'zod';
import type { InputProblem } from './input-error.ts';

export function issueProblems(issues: readonly z.core.$ZodIssue[], source: string): InputProblem[] {
  return issues.flatMap((issue): InputProblem[] => {
    const path = issue.path.map((k) => (typeof k === 'number' ? k : String(k)));
    if (issue.code === 'unrecognized_keys') {
      const lines = issue.message.split('\n');
      return issue.keys.map((key, i) => ({
        source,
        path: [...path, key],
        message: lines[i] ?? 'unknown key',
      }));
    }
    return [{ source, path, message: issue.message }];
  });
}
