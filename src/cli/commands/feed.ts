// `vigil feed --bus nats://… FILE.jsonl`: plugs recorded or third-party sensor data
// into the centre (issue 6). Each line of the file is one report in the bus's report
// schema (src/bus/README.md, report-schema.ts); every line is checked first, and a
// file with a bad line publishes nothing. The reports then go, in the file's order, to
// their sensors' subjects, each with its report id as message id (the bus drops one
// published again within its duplicate window), where runs started with `feed: true`
// take them.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { decodeReportMessage } from '../../bus/decode-report.ts';
import { jsonBytes } from '../../bus/message-bus.ts';
import { openBus } from '../../bus/open-bus.ts';
import { subjectsFor } from '../../bus/subjects.ts';
import { InputError, type InputProblem } from '../../scenario/input-error.ts';
import type { SensorReport } from '../../sensors/report.ts';

interface FeedFlags {
  bus: string;
  busRoot: string;
  quiet?: boolean;
}

/** Bad lines reported before giving up on reading further. */
const MAX_BAD_LINES = 20;

/** Every report of a JSON-lines file, or an InputError naming each bad line (blank lines are skipped). */
export function readReportLines(file: string, text: string): SensorReport[] {
  const encoder = new TextEncoder();
  const reports: SensorReport[] = [];
  const problems: InputProblem[] = [];
  let bad = 0;
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      const report = decodeReportMessage(encoder.encode(line));
      // Its subject must exist: refused here, not half-way through publishing.
      subjectsFor().report(report.sensorId);
      reports.push(report);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      problems.push(...err.problems.map((p) => ({ ...p, source: file, line: i + 1 })));
      if (++bad === MAX_BAD_LINES) {
        problems.push({ source: file, path: [], message: `stopped reading after ${bad} bad lines` });
        break;
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return reports;
}

export function register(program: Command): void {
  program
    .command('feed')
    .description('publish sensor reports from a JSON-lines file on the bus, for runs started with feed: true')
    .argument('<file>', 'one report per line, in the bus report schema (src/bus/README.md)')
    .requiredOption('--bus <url>', 'the NATS server the service uses (nats://host:4222)')
    .option('--bus-root <name>', "subject root on the bus (the service's)", 'vigil')
    .option('--quiet', 'no summary line')
    .addHelpText(
      'after',
      `
Report times are seconds after the scenario epoch (a run's view gives its epoch).
Reports wait in the run's queue for their step: a file larger than the run's
feedQueueLimit (default 100,000) loses the excess, counted in the run's view.

Examples:
  $ vigil feed --bus nats://127.0.0.1:4222 recorded.jsonl`,
    )
    .action(async (file: string, flags: FeedFlags) => {
      if (!/^(nats|tls):\/\//i.test(flags.bus))
        throw new InputError({
          source: '--bus',
          path: [],
          message: `expected nats://host:port (the service's bus), got '${flags.bus}'`,
        });
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw new InputError({ source: file, path: [], message: `cannot read: ${(err as Error).message}` });
      }
      const reports = readReportLines(file, text);
      const bus = await openBus(flags.bus, { root: flags.busRoot });
      let repeated = 0;
      try {
        for (const r of reports) {
          const result = await bus.publish(bus.subjects.report(r.sensorId), jsonBytes(r), { msgId: r.id });
          if (result.duplicate) repeated++;
        }
      } finally {
        await bus.close();
      }
      if (!flags.quiet)
        process.stdout.write(
          `published ${reports.length - repeated} reports from ${file}${repeated === 0 ? '' : ` (${repeated} already on the bus, dropped by it)`}\n`,
        );
    });
}
