// `vigil validate <file…>`: checks scenario files against the format and reports
// every problem, one located line each (DESIGN.md §5: exit 0 valid, 2 bad input),
// including launches that cannot be flown (aim point out of reach).
import type { Command } from 'commander';
import { InputError, type InputProblem } from '../../scenario/input-error.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { checkLaunches } from '../../world/generate.ts';

interface FileResult {
  file: string;
  valid: boolean;
  events: number | null;
  problems: readonly InputProblem[];
}

export function register(program: Command): void {
  program
    .command('validate')
    .description('check scenario files (YAML or JSON) and report every problem with its line and column')
    .argument('<file...>', 'scenario files to check')
    .option('--json', 'print the results as one JSON document on stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil validate scenarios/polar-icbm.yaml
  scenarios/polar-icbm.yaml: valid (1 event)
  $ vigil validate --json scenarios/*.yaml

Exit status 0 when every file is valid, 2 when any has a problem. Problems go to
stderr, one per line: file:line:column: field: what was expected.`,
    )
    .action((files: string[], options: { json?: boolean }) => {
      const results = files.map(check);
      if (options.json) process.stdout.write(`${JSON.stringify({ files: results }, null, 2)}\n`);
      else
        for (const r of results)
          if (r.valid)
            process.stdout.write(`${r.file}: valid (${r.events} event${r.events === 1 ? '' : 's'})\n`);
      const problems = results.flatMap((r) => r.problems);
      if (problems.length > 0) throw new InputError([...problems]);
    });
}

function check(file: string): FileResult {
  try {
    const scenario = loadScenarioFile(file);
    checkLaunches(scenario);
    return { file, valid: true, events: scenario.events.length, problems: [] };
  } catch (err) {
    if (err instanceof InputError) return { file, valid: false, events: null, problems: err.problems };
    throw err;
  }
}
