// `vigil serve`: the service of issue 6 — REST and WebSocket API, live runs, the
// operator console — until SIGINT or SIGTERM, when it stops cleanly (running runs
// paused to go on at the next start, the store flushed and closed).
import type { Command } from 'commander';
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
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
    .addHelpText(
      'after',
      `
The first start prints an admin token once (or set VIGIL_ADMIN_TOKEN). Logs are JSON
lines on stdout; the listening address and a new admin token go to stderr.

Examples:
  $ vigil serve
  $ vigil serve --port 9000 --db postgres://postgres@127.0.0.1:5432/vigil --bus nats://127.0.0.1:4222
  $ VIGIL_ADMIN_TOKEN=… vigil serve --host 0.0.0.0`,
    )
    .action(async (flags: ServeFlags) => {
      const service = await startService({
        port: parseNumberIn('--port', flags.port, 0, 65_535),
        host: flags.host,
        ...(flags.db ? { db: flags.db } : {}),
        ...(flags.bus ? { bus: flags.bus } : {}),
        tokensPath: flags.tokens,
        ...(process.env['VIGIL_ADMIN_TOKEN'] ? { adminToken: process.env['VIGIL_ADMIN_TOKEN'] } : {}),
        onInterrupted: parseChoice('--on-interrupted', flags.onInterrupted, ['resume', 'fail'] as const),
        logLevel: parseChoice('--log-level', flags.logLevel, LOG_LEVELS),
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
