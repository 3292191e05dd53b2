// `vigil worker --bus nats://…`: takes Monte Carlo runs from the JetStream work queue,
// runs each through the whole chain and publishes its record; a run is acknowledged
// only once its record is stored on the bus (src/cli/montecarlo/distributed.ts). Runs
// until Ctrl-C or SIGTERM, finishing the run in hand first.
import type { Command } from 'commander';
import { openBus } from '../../bus/open-bus.ts';
import { InputError } from '../../scenario/input-error.ts';
import { serveWork } from '../montecarlo/distributed.ts';
import { parseNumberIn } from '../options.ts';

interface WorkerFlags {
  bus: string;
  busRoot: string;
  ackWait: string;
  quiet?: boolean;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description(
      'take Monte Carlo runs from a NATS JetStream work queue and run them (see vigil montecarlo --bus)',
    )
    .requiredOption('--bus <url>', 'the NATS server (nats://host:4222)')
    .option('--bus-root <name>', 'subject root on the bus (as given to vigil montecarlo)', 'vigil')
    .option(
      '--ack-wait <s>',
      'seconds a taken run may go unacknowledged before it is handed to another worker (longer than a run takes)',
      '60',
    )
    .option('--quiet', 'no line per run')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil worker --bus nats://127.0.0.1:4222
  $ vigil worker --bus nats://queue.example:4222 --ack-wait 600   # long scenarios`,
    )
    .action(async (flags: WorkerFlags) => {
      if (!/^(nats|tls):\/\//i.test(flags.bus))
        throw new InputError({
          source: '--bus',
          path: [],
          message: `expected nats://host:port, got '${flags.bus}'`,
        });
      const ackWaitMs = parseNumberIn('--ack-wait', flags.ackWait, 1, 86_400, 's') * 1000;
      const bus = await openBus(flags.bus, { root: flags.busRoot });
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        if (!flags.quiet) process.stderr.write(`worker ${process.pid}: taking runs from ${flags.bus}\n`);
        await serveWork(bus, {
          signal: stop.signal,
          ackWaitMs,
          onRun: (campaignId, run, ms) => {
            if (!flags.quiet)
              process.stderr.write(`campaign ${campaignId} run ${run}: ${Math.round(ms)} ms\n`);
          },
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await bus.close();
      }
    });
}
