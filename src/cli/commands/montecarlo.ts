// `vigil montecarlo <scenario> --runs N`: repeats a scenario with independent seeds and
// declared variations, on worker threads of this machine or — with --bus — on workers
// anywhere taking runs from a NATS JetStream work queue (issue 8). The aggregate
// depends on the scenario and base seed only. Ctrl-C stops cleanly: the runs that
// finished are aggregated and written, marked partial (exit status 130); a second
// Ctrl-C leaves at once.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { aggregateCampaign } from '../../analysis/montecarlo/aggregate.ts';
import { type CampaignSpec, prepareCampaign, type RunRecord } from '../../analysis/montecarlo/campaign.ts';
import { defaultWorkers, runPooled } from '../../analysis/montecarlo/pool.ts';
import { parseVariations, VARIATION_KINDS } from '../../analysis/montecarlo/variations.ts';
import { openBus } from '../../bus/open-bus.ts';
import { InputError } from '../../scenario/input-error.ts';
import { checkLaunches } from '../../world/generate.ts';
import { coordinateCampaign } from '../montecarlo/distributed.ts';
import { aggregateJson, renderAggregate, writeCampaignOutputs } from '../montecarlo/outputs.ts';
import { rateProgressBar } from '../montecarlo/rate-progress.ts';
import { parseNumberIn, parseSeed } from '../options.ts';
import { resolveScenarioPath } from '../scenario-path.ts';

interface MonteCarloFlags {
  runs: string;
  workers?: string;
  vary?: string[];
  seed?: string;
  out?: string;
  json?: boolean;
  quiet?: boolean;
  bus?: string;
  busRoot?: string;
}

/** Exit status of a campaign stopped by Ctrl-C (128 + SIGINT). */
export const INTERRUPTED_EXIT = 130;

export function register(program: Command): void {
  program
    .command('montecarlo')
    .description(
      'repeat a scenario with independent seeds and declared variations, and aggregate the outcomes',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON), or the name of a bundled scenario')
    .requiredOption('--runs <n>', 'number of runs')
    .option('--workers <k>', 'worker threads on this machine (default: all cores)')
    .option(
      '--vary <spec>',
      `a variation per run, repeatable or comma-separated: ${VARIATION_KINDS.join(', ')} (e.g. noise=0.8..1.5, pd=0.9..1, cloud-top=8..14, launch-time=120, outage=0.05, glint=0.5..2)`,
      (value: string, all: string[] | undefined) => [...(all ?? []), value],
    )
    .option('--seed <n>', "base seed (default: the scenario's seed); run i's seed derives from it and i")
    .option('--out <dir>', 'write aggregate.json, runs.jsonl and report.html into this folder')
    .option('--json', 'print the aggregate document on stdout')
    .option('--quiet', 'no progress bar, no summary')
    .option(
      '--bus <url>',
      'run on workers taking work from NATS JetStream (nats://host:4222) instead of threads here',
    )
    .option('--bus-root <name>', 'subject root on the bus (several deployments on one server)', 'vigil')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil montecarlo polar-icbm --runs 200 --out mc/polar
  $ vigil montecarlo salvo --runs 100 --vary pd=0.8..1,outage=0.05 --json > aggregate.json
  $ vigil montecarlo salvo --runs 1000 --bus nats://127.0.0.1:4222 --out mc/salvo   # with: vigil worker --bus …`,
    )
    .action(async (scenarioArg: string, flags: MonteCarloFlags) => {
      const path = resolveScenarioPath(scenarioArg);
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        throw new InputError({ source: path, path: [], message: `cannot read: ${(err as Error).message}` });
      }
      const runs = Math.round(parseNumberIn('--runs', flags.runs, 1, 1_000_000));
      const variations = parseVariations(flags.vary ?? []);
      const probe = prepareCampaign({ scenarioText: text, sourceName: path, baseSeed: 0, runs, variations });
      checkLaunches(probe.scenario);
      const spec: CampaignSpec = {
        scenarioText: text,
        sourceName: path,
        baseSeed: flags.seed === undefined ? probe.scenario.seed : parseSeed('--seed', flags.seed),
        runs,
        variations,
      };
      if (flags.bus !== undefined && flags.workers !== undefined)
        throw new InputError({
          source: '--workers',
          path: [],
          message: 'with --bus, the workers are `vigil worker` processes',
        });
      if (flags.bus !== undefined && !/^(nats|tls):\/\//i.test(flags.bus))
        throw new InputError({
          source: '--bus',
          path: [],
          message: `expected nats://host:port, got '${flags.bus}'`,
        });
      const workers =
        flags.workers === undefined
          ? defaultWorkers()
          : Math.round(parseNumberIn('--workers', flags.workers, 1, 256));

      const stop = new AbortController();
      const onSigint = () => {
        if (stop.signal.aborted) process.exit(INTERRUPTED_EXIT);
        process.stderr.write('\nstopping: keeping the runs that finished (Ctrl-C again to leave at once)\n');
        stop.abort();
      };
      process.on('SIGINT', onSigint);
      const bar = rateProgressBar('montecarlo', runs, 'runs', !flags.quiet && !flags.json);
      let records: Map<number, RunRecord>;
      try {
        const indices = Array.from({ length: runs }, (_, i) => i);
        const onResult = () => bar.tick();
        if (flags.bus !== undefined) {
          const bus = await openBus(flags.bus, { root: flags.busRoot });
          try {
            ({ results: records } = await coordinateCampaign(bus, spec, { signal: stop.signal, onResult }));
          } finally {
            await bus.close();
          }
        } else {
          ({ results: records } = await runPooled<RunRecord>({ kind: 'campaign', spec }, indices, {
            workers,
            signal: stop.signal,
            onResult,
          }));
        }
      } finally {
        bar.stop();
        process.off('SIGINT', onSigint);
      }
      const aggregate = aggregateCampaign({ scenario: probe.scenario.name, spec }, [...records.values()]);
      if (flags.out) writeCampaignOutputs(flags.out, aggregate, [...records.values()]);
      if (flags.json) process.stdout.write(aggregateJson(aggregate));
      else if (!flags.quiet)
        process.stdout.write(
          `${renderAggregate(aggregate)}\n${flags.out ? `wrote ${flags.out}/aggregate.json, runs.jsonl, report.html\n` : ''}`,
        );
      if (aggregate.partial) process.exitCode = INTERRUPTED_EXIT;
    });
}
