// vigil command line. Each command lives in its own file under src/cli/commands and
// registers itself on the program; this file only wires them and maps failures to
// exit codes (0 success, 1 internal failure, 2 bad input — DESIGN.md §5).
import { Command, CommanderError } from 'commander';
import { formatProblem, InputError } from '../scenario/input-error.ts';
import { registerCommands } from './commands/index.ts';

export function buildProgram(): Command {
  const program = new Command('vigil')
    .description(
      'Open missile-attack early-warning simulator: launches, sensors, a warning centre and its alerts.\n' +
        'Detection and warning only; all parameters are coarse public figures.',
    )
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerCommands(program);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    return reportFailure(err);
  }
}

function reportFailure(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0)
      return 0;
    return 2; // commander already printed the message
  }
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`vigil: internal error: ${message}\n`);
  if (process.env['VIGIL_DEBUG'] && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  return 1;
}
