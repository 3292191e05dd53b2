// `vigil serve`: the service of issue 6 — REST and WebSocket API, live runs, the
// operator console, with --centre the exchange with partner centres (issue 9) — until
// SIGINT or SIGTERM, when it stops cleanly (running runs paused to go on at the next
// start, the exchange courier stopped, the stores flushed and closed).
import type { Command } from 'commander';
import { DEFAULT_EXCHANGE_HOME } from '../../exchange/open-exchange.ts';
import { InputError } from '../../scenario/input-error.ts';
import { ID_PATTERN } from '../../scenario/schema-fields.ts';
import { DEFAULT_RATE_LIMIT } from '../../server/limits/request-limits.ts';
import type { RateLimit } from '../../server/limits/token-buckets.ts';
import { DEFAULT_TOKENS_PATH, startService } from '../../server/service.ts';
import { parseChoice, parseNumberIn } from '../options.ts';

interface ServeFlags {
  port: string;
  host: string;
  db?: string;
  bus?: string;
  tokens: string;
  onInterrupted: string;
  logLevel: string;
  centre?: string;
  exchangeHome?: string;
  rateLimit: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** `RATE[,BURST]` requests a second per token (burst default 2 × rate); 0: no limit. */
function parseRateLimit(text: string): RateLimit | null {
  const [rateText = '', burstText, ...rest] = text.split(',');
  if (rest.length > 0)
    throw new InputError({
      source: '--rate-limit',
      path: [],
      message: `expected RATE[,BURST], got '${text}'`,
    });
  const ratePerS = parseNumberIn('--rate-limit', rateText, 0, 1_000_000, 'requests a second');
  if (ratePerS === 0) return null;
  const burst =
    burstText === undefined
      ? Math.max(1, 2 * ratePerS)
      : parseNumberIn('--rate-limit', burstText, 1, 1_000_000);
  return { ratePerS, burst };
}

function checkedCentre(text: string): string {
  if (!ID_PATTERN.test(text))
    throw new InputError({
      source: '--centre',
      path: [],
      message: `a centre id is 1-64 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got '${text}'`,
    });
  return text;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('run the service: REST + WebSocket API, live runs, the operator console')
    .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--db <url>',
      'database: a SQLite file path, sqlite:PATH or postgres://… (default ./vigil-data/vigil.db)',
    )
    .option('--bus <url>', 'message bus: memory: (default) or nats://host:4222')
    .option('--tokens <file>', 'token list (hashes only)', DEFAULT_TOKENS_PATH)
    .option('--on-interrupted <action>', "runs a stopped process was writing: 'resume' or 'fail'", 'resume')
    .option('--log-level <level>', `log level (${LOG_LEVELS.join(', ')})`, 'info')
    .option('--centre <id>', "run this centre's exchange with its partners (keys: vigil exchange keygen)")
    .option(
      '--exchange-home <dir>',
      `the exchange directory with --centre (default ${DEFAULT_EXCHANGE_HOME})`,
    )
    .option(
      '--rate-limit <rate[,burst]>',
      'requests a second per token, client address or partner (0: none)',
      `${DEFAULT_RATE_LIMIT.ratePerS},${DEFAULT_RATE_LIMIT.burst}`,
    )
    .addHelpText(
      'after',
      `
The first start prints an admin token once (or set VIGIL_ADMIN_TOKEN). Logs are JSON
lines on stdout; the listening address and a new admin token go to stderr.
With --centre, partners' couriers deliver to POST /exchange/inbox (signed; no token)
and notifications received are added to the running and paused runs.

Examples:
  $ vigil serve
  $ vigil serve --port 9000 --db postgres://postgres@127.0.0.1:5432/vigil --bus nats://127.0.0.1:4222
  $ VIGIL_ADMIN_TOKEN=… vigil serve --host 0.0.0.0
  $ vigil exchange keygen --centre NOR --out vigil-data/exchange && vigil serve --centre NOR`,
    )
    .action(async (flags: ServeFlags) => {
      if (flags.exchangeHome !== undefined && flags.centre === undefined)
        throw new InputError({
          source: '--exchange-home',
          path: [],
          message: 'the exchange needs its centre: give --centre ID as well',
        });
      const service = await startService({
        port: parseNumberIn('--port', flags.port, 0, 65_535),
        host: flags.host,
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.bus ? { bus: flags.bus } : {}),
        tokensPath: flags.tokens,
        ...(process.env['VIGIL_ADMIN_TOKEN'] ? { adminToken: process.env['VIGIL_ADMIN_TOKEN'] } : {}),
        onInterrupted: parseChoice('--on-interrupted', flags.onInterrupted, ['resume', 'fail'] as const),
        logLevel: parseChoice('--log-level', flags.logLevel, LOG_LEVELS),
        rateLimit: parseRateLimit(flags.rateLimit),
        ...(flags.centre === undefined
          ? {}
          : {
              exchange: {
                centreId: checkedCentre(flags.centre),
                home: flags.exchangeHome ?? DEFAULT_EXCHANGE_HOME,
              },
            }),
      });
      if (service.newAdminToken)
        process.stderr.write(
          `\nA new admin token (shown this once; kept only as a hash in ${flags.tokens}):\n\n  ${service.newAdminToken}\n\n`,
        );
      const { resumed, failed } = service.recovered;
      if (resumed.length + failed.length > 0)
        process.stderr.write(
          `Interrupted runs: ${resumed.length} resumed${resumed.length ? ` (${resumed.join(', ')})` : ''}, ${failed.length} marked failed${failed.length ? ` (${failed.join(', ')})` : ''}\n`,
        );
      process.stderr.write(`vigil serve: listening on ${service.url} (API docs at ${service.url}/docs)\n`);
      if (flags.centre !== undefined)
        process.stderr.write(
          `vigil serve: centre ${flags.centre}'s exchange inbox at ${service.url}/exchange/inbox\n`,
        );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.stderr.write('vigil serve: stopping…\n');
          service.close().then(resolve, (err: unknown) => {
            process.stderr.write(`vigil serve: error while stopping: ${(err as Error).message}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
