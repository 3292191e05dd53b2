// `vigil run <scenario> --live`: the run goes to a running `vigil serve` instead of
// this process (src/server/client/follow-run.ts), and this command tells how it goes.
// The service and token come from --server/--token or VIGIL_SERVER/VIGIL_TOKEN. Exit
// status: 0 when the run finished (or the command was interrupted and left it
// running), 1 when it failed, 2 for a bad scenario or flag.
import { readFileSync } from 'node:fs';
import { InputError } from '../scenario/input-error.ts';
import { loadScenarioFile } from '../scenario/load.ts';
import { followLiveRun } from '../server/client/follow-run.ts';
import { parseNumberIn, parseSeed } from './options.ts';
import { resolveScenarioPath } from './scenario-path.ts';

export interface LiveFlags {
  seed?: string;
  json?: boolean;
  quiet?: boolean;
  server?: string;
  token?: string;
  pace?: string;
  out?: string;
}

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

export async function runLive(scenarioArg: string, flags: LiveFlags): Promise<void> {
  if (flags.out !== undefined)
    throw new InputError({
      source: '--out',
      path: [],
      message: 'a live run is kept by the service: read it there (/api/runs/<id>/…), not with --out',
    });
  const token = flags.token ?? process.env['VIGIL_TOKEN'];
  if (!token)
    throw new InputError({
      source: '--token',
      path: [],
      message: 'a live run needs a token: --token or VIGIL_TOKEN',
    });
  const pace =
    flags.pace === undefined
      ? 1
      : flags.pace === 'max'
        ? null
        : parseNumberIn('--pace', flags.pace, 0.001, 10_000);
  const file = resolveScenarioPath(scenarioArg);
  // Checked here first, so a broken file fails fast with the same lines as `vigil run`.
  loadScenarioFile(file);
  const say = flags.quiet || flags.json ? () => {} : (line: string) => process.stdout.write(`${line}\n`);
  let detach: (() => void) | null = null;
  const interrupt = () => {
    say('detached: the run goes on in the service');
    detach?.();
  };
  process.once('SIGINT', interrupt);
  try {
    const result = await followLiveRun({
      server: flags.server ?? process.env['VIGIL_SERVER'] ?? DEFAULT_SERVER,
      token,
      file,
      text: readFileSync(file, 'utf8'),
      ...(flags.seed === undefined ? {} : { seed: parseSeed('--seed', flags.seed) }),
      pace,
      say,
      onStarted: (_run, stop) => {
        detach = stop;
      },
    });
    if (flags.json)
      process.stdout.write(`${JSON.stringify({ run: result.run, alerts: result.alerts }, null, 2)}\n`);
    if (result.run.status === 'failed') process.exitCode = 1;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
