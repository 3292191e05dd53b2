// The list of CLI commands. Add a command by writing src/cli/commands/<name>.ts
// exporting `register(program)` and listing it here.
import type { Command } from 'commander';
import { register as audit } from './audit.ts';
import { register as coverage } from './coverage.ts';
import { register as exchange } from './exchange.ts';
import { register as feed } from './feed.ts';
import { register as montecarlo } from './montecarlo.ts';
import { register as notify } from './notify.ts';
import { register as run } from './run.ts';
import { register as score } from './score.ts';
import { register as serve } from './serve.ts';
import { register as track } from './track.ts';
import { register as trajectory } from './trajectory.ts';
import { register as validate } from './validate.ts';
import { register as warningTime } from './warning-time.ts';
import { register as worker } from './worker.ts';

type Register = (program: Command) => void;

const commands: Register[] = [
  run,
  trajectory,
  validate,
  coverage,
  track,
  score,
  audit,
  warningTime,
  montecarlo,
  worker,
  serve,
  exchange,
  notify,
  feed,
];

export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
