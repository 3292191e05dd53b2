// `vigil notify`: issue a launch notification (DOMAIN.md §7.6; pre-launch,
// post-launch, cancellation or update) to a partner centre over the exchange. The
// notification comes from flags or from a YAML/JSON file holding one notification in
// the scenario file's form; it is checked, signed, stored in the outbox and delivered
// until the partner acknowledges it (or --wait runs out: it then stays queued, and
// `vigil exchange flush` goes on trying).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { LineCounter, parseDocument } from 'yaml';
import { deliverUntilAcknowledged } from '../../exchange/courier.ts';
import { type FieldPath, InputError, type InputProblem } from '../../scenario/input-error.ts';
import { locate } from '../../scenario/locate.ts';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_REGIMES,
} from '../../scenario/schema-notifications.ts';
import { parseChoice, parseNumberIn } from '../options.ts';
import { addHomeOptions, type HomeFlags, openFromFlags, transportFor } from './exchange.ts';

interface NotifyFlags extends HomeFlags {
  to: string;
  file?: string;
  id?: string;
  kind: string;
  regime: string;
  class?: string;
  window?: string;
  launchArea?: string;
  direction?: string;
  impact?: string[];
  launches?: string;
  channel: string;
  refersTo?: string;
  issued?: string;
  via?: string;
  wait: string;
}

/** The flag each notification field comes from, to point at it when it is wrong. */
const FLAG_OF: Record<string, string> = {
  id: '--id',
  kind: '--kind',
  regime: '--regime',
  vehicleClass: '--class',
  window: '--window',
  launchArea: '--launch-area',
  plannedDirectionDeg: '--direction',
  impactAreas: '--impact',
  numberOfLaunches: '--launches',
  channel: '--channel',
  refersTo: '--refers-to',
  issued: '--issued',
};

function problem(flag: string, message: string): never {
  throw new InputError({ source: flag, path: [], message });
}

/** `LAT,LON,RADIUSKM` → {center: [lat, lon], radiusKm}. */
function circleFlag(flag: string, text: string): { center: [number, number]; radiusKm: number } {
  const parts = text.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 3 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n)))
    problem(flag, `expected LAT,LON,RADIUSKM (degrees and km, e.g. 62.9,40.6,50), got '${text}'`);
  return { center: [nums[0]!, nums[1]!], radiusKm: nums[2]! };
}

function notificationFromFlags(flags: NotifyFlags): Record<string, unknown> {
  const need = (value: string | undefined, flag: string, what: string): string =>
    value ?? problem(flag, `missing: ${what} (or give the whole notification with --file)`);
  const [start, end, ...rest] = need(flags.window, '--window', 'the launch window START,END').split(',');
  if (rest.length > 0 || !start || !end)
    problem('--window', `expected START,END as UTC instants, e.g. 2026-05-02T00:00:00Z,2026-05-03T00:00:00Z`);
  return {
    id: need(flags.id, '--id', 'the notification id'),
    regime: parseChoice('--regime', flags.regime, NOTIFICATION_REGIMES),
    kind: parseChoice('--kind', flags.kind, NOTIFICATION_KINDS),
    ...(flags.refersTo ? { refersTo: flags.refersTo } : {}),
    issued: flags.issued ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    vehicleClass: need(
      flags.class,
      '--class',
      'the vehicle class (ICBM, SLBM, IRBM, MRBM, SRBM, SLV, SOUNDING, OTHER)',
    ),
    window: { start: start.trim(), end: end.trim() },
    launchArea: circleFlag(
      '--launch-area',
      need(flags.launchArea, '--launch-area', 'the launch area LAT,LON,RADIUSKM'),
    ),
    ...(flags.direction
      ? { plannedDirectionDeg: parseNumberIn('--direction', flags.direction, 0, 360, '°') }
      : {}),
    ...(flags.impact && flags.impact.length > 0
      ? { impactAreas: flags.impact.map((text) => circleFlag('--impact', text)) }
      : {}),
    ...(flags.launches ? { numberOfLaunches: parseNumberIn('--launches', flags.launches, 1, 1000) } : {}),
    channel: parseChoice('--channel', flags.channel, NOTIFICATION_CHANNELS),
  };
}

/** Reads one notification from a YAML or JSON file; `relocate` turns the send's problems into located ones. */
function notificationFromFile(path: string): {
  notification: unknown;
  relocate: (path: FieldPath, message: string) => InputProblem;
} {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    problem(path, `cannot read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (text.length > 1 << 20) problem(path, 'too large for a notification (at most 1 MiB)');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lines.linePos(syntax.pos[0]);
    throw new InputError({
      source: path,
      line: pos.line,
      column: pos.col,
      path: [],
      message: `syntax error: ${syntax.message.split('\n')[0]}`,
    });
  }
  return {
    notification: doc.toJS({ maxAliasCount: 100 }),
    relocate: (p, message) => ({ source: path, ...locate(doc, lines, p), path: p, message }),
  };
}

export function register(program: Command): void {
  addHomeOptions(
    program
      .command('notify')
      .description('issue a launch notification to a partner centre over the exchange')
      .requiredOption('--to <centre>', 'the partner centre')
      .option('--file <file>', 'the notification as YAML or JSON (the scenario file form, without delivered)')
      .option('--id <id>', 'notification id')
      .option('--kind <kind>', NOTIFICATION_KINDS.join(' | '), 'pre-launch')
      .option('--regime <regime>', NOTIFICATION_REGIMES.join(' | '), 'PLNS-2000')
      .option('--class <class>', 'ICBM | SLBM | IRBM | MRBM | SRBM | SLV | SOUNDING | OTHER')
      .option('--window <start,end>', 'planned launch window, two UTC instants')
      .option('--launch-area <lat,lon,km>', 'launch area: centre in degrees and radius in km')
      .option('--direction <deg>', 'planned direction, degrees from north')
      .option(
        '--impact <lat,lon,km>',
        'an impact area (repeat for several)',
        (v: string, list: string[] = []) => [...list, v],
      )
      .option('--launches <n>', 'number of launches in the window')
      .option('--channel <channel>', NOTIFICATION_CHANNELS.join(' | '), 'JDEC')
      .option('--refers-to <id>', 'for a cancellation or update: the notification it changes')
      .option('--issued <instant>', 'issue time (default now)')
      .option(
        '--via <url>',
        "http(s)://… of the partner's vigil serve, or nats://… (default: its registered URL)",
      )
      .option('--wait <s>', 'seconds to keep delivering before leaving it queued (exit 1 then)', '30'),
  )
    .addHelpText(
      'after',
      `
Examples:
  $ vigil notify --to RUS --id NOR-7 --class SOUNDING --window 2026-05-02T06:00:00Z,2026-05-02T10:00:00Z \\
      --launch-area 69.29,16.02,30 --direction 0 --impact 78.5,17.0,300
  $ vigil notify --to RUS --file notice.yaml --via http://10.0.0.7:8080
  $ vigil notify --to RUS --kind cancellation --refers-to NOR-7 --id NOR-8 --class SOUNDING \\
      --window 2026-05-02T06:00:00Z,2026-05-02T10:00:00Z --launch-area 69.29,16.02,30`,
    )
    .action(async (flags: NotifyFlags) => {
      const waitS = parseNumberIn('--wait', flags.wait, 0, 86_400, 's');
      const fromFile = flags.file ? notificationFromFile(flags.file) : null;
      const notification = fromFile ? fromFile.notification : notificationFromFlags(flags);
      const opened = openFromFlags(flags);
      try {
        let sent: { id: string; seq: number };
        try {
          sent = opened.node.send(flags.to, { type: 'notification', notification });
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          throw new InputError(
            err.problems.map((p): InputProblem => {
              if (p.path[0] !== 'body' || p.path[1] !== 'notification') return p;
              const inner = p.path.slice(2);
              if (fromFile) return fromFile.relocate(inner, p.message);
              const flag = FLAG_OF[String(inner[0])];
              return {
                source: flag ?? 'notification',
                path: flag ? inner.slice(1) : inner,
                message: p.message,
              };
            }),
          );
        }
        const id = (notification as { id?: unknown }).id;
        process.stdout.write(
          `notification ${String(id)} queued for ${flags.to} as message ${sent.id} #${sent.seq}\n`,
        );
        if (waitS === 0) return;
        const { transport, close } = await transportFor(opened.node, flags.via);
        const started = Date.now();
        try {
          const open = await deliverUntilAcknowledged(opened.node, transport, [sent.id], waitS * 1000);
          if (open.length === 0)
            process.stdout.write(
              `acknowledged by ${flags.to} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
            );
          else {
            const row = opened.node.outbox().find((r) => r.id === sent.id);
            process.stderr.write(
              `not acknowledged within ${waitS} s (${row?.attempts ?? 0} transmissions${row?.lastError ? `, last: ${row.lastError}` : ''}); it stays in the outbox: vigil exchange flush goes on trying\n`,
            );
            process.exitCode = 1;
          }
        } finally {
          await close();
        }
      } finally {
        opened.close();
      }
    });
}
