// The list of CLI commands. Add a command by writing src/cli/commands/<name>.ts
// exporting `register(program)` and listing it here.
import type { Command } from 'commander';

type Register = (program: Command) => void;

const commands: Register[] = [];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
