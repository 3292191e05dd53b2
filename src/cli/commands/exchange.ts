// `vigil exchange …`: a centre's end of the exchange between warning centres (issue 9)
// — its Ed25519 keys, its partners, the state of its outbox and inbox, delivering what
// is queued, taking messages off the bus — and `vigil exchange simulate`, several
// centres on one scenario with the exchange between them (src/analysis/multi-centre.ts).
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type MultiCentreDocument, runMultiCentre } from '../../analysis/multi-centre.ts';
import { openBus } from '../../bus/open-bus.ts';
import { busTransport, listenOnBus } from '../../exchange/bus-transport.ts';
import { deliverUntilAcknowledged, runCourier, type Transport } from '../../exchange/courier.ts';
import type { ExchangeNode } from '../../exchange/exchange-node.ts';
import { httpTransport } from '../../exchange/http-transport.ts';
import { readKeyFile, writeKeyPair } from '../../exchange/keys.ts';
import { DEFAULT_EXCHANGE_HOME, type OpenedExchange, openExchange } from '../../exchange/open-exchange.ts';
import { InputError } from '../../scenario/input-error.ts';
import { loadScenarioFile } from '../../scenario/load.ts';
import { ID_PATTERN } from '../../scenario/schema-fields.ts';
import { parseNumberIn, parseSeed } from '../options.ts';
import { formatElapsed, textTable } from '../render/format.ts';
import { resolveScenarioPath } from '../scenario-path.ts';

export interface HomeFlags {
  home: string;
  centre?: string;
  identity?: string;
}

export function addHomeOptions(cmd: Command): Command {
  return cmd
    .option('--home <dir>', 'the exchange directory (exchange.db and keys)', DEFAULT_EXCHANGE_HOME)
    .option('--centre <id>', 'this centre (default: the one the exchange directory belongs to)')
    .option('--identity <file>', "this centre's private key (default <home>/<centre>.key)");
}

export function openFromFlags(flags: HomeFlags): OpenedExchange {
  return openExchange({
    home: flags.home,
    ...(flags.centre ? { centreId: checkedId('--centre', flags.centre) } : {}),
    ...(flags.identity ? { keyPath: flags.identity } : {}),
  });
}

function checkedId(flag: string, text: string): string {
  if (!ID_PATTERN.test(text))
    throw new InputError({
      source: flag,
      path: [],
      message: `a centre id is 1-64 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got '${text}'`,
    });
  return text;
}

/**
 * The transport `--via` names: an http(s) base URL (a partner's `vigil serve`), a
 * nats:// bus (acknowledgements come back on this centre's subject, so it listens
 * while it delivers), or by default each partner's registered URL.
 */
export async function transportFor(
  node: ExchangeNode,
  via: string | undefined,
): Promise<{ transport: Transport; close(): Promise<void> }> {
  if (via === undefined) return { transport: httpTransport(), close: async () => undefined };
  if (/^https?:\/\//i.test(via))
    return { transport: httpTransport({ baseUrl: via }), close: async () => undefined };
  if (/^(nats|tls):\/\//i.test(via)) {
    const bus = await openBus(via);
    const listening = await listenOnBus(bus, node);
    return {
      transport: busTransport(bus),
      close: async () => {
        await listening.close();
        await bus.close();
      },
    };
  }
  throw new InputError({
    source: '--via',
    path: [],
    message: `expected an http:// or https:// URL of a partner's vigil serve, or nats://host:port; got '${via}'`,
  });
}

export function register(program: Command): void {
  const exchange = program
    .command('exchange')
    .description('the exchange of notifications and launch reports between warning centres');

  exchange
    .command('keygen')
    .description("make this centre's Ed25519 key pair: <out>/<centre>.key (mode 0600) and <out>/<centre>.pub")
    .requiredOption('--centre <id>', 'the centre the keys are for')
    .option('--out <dir>', 'where to write them', DEFAULT_EXCHANGE_HOME)
    .addHelpText(
      'after',
      `
Give the .pub line to each partner (vigil exchange peer add); keep the .key file.

Example:
  $ vigil exchange keygen --centre NOR
  wrote vigil-data/exchange/NOR.key (private, mode 0600) and vigil-data/exchange/NOR.pub
  public key 3q2+7w…= (fingerprint 9f86d081884c7d65)`,
    )
    .action((flags: { centre: string; out: string }) => {
      const written = writeKeyPair(flags.out, checkedId('--centre', flags.centre));
      process.stdout.write(
        `wrote ${written.privatePath} (private, mode 0600) and ${written.publicPath}\npublic key ${written.publicKey} (fingerprint ${written.fingerprint})\n`,
      );
    });

  const peer = exchange.command('peer').description("this centre's partners and their public keys");
  addHomeOptions(
    peer
      .command('add')
      .description("register a partner centre's public key (and where its vigil serve listens)")
      .argument('<name>', "the partner's centre id")
      .requiredOption('--key <file|base64>', 'its public key: a .pub or PEM file, or the base64 text itself')
      .option('--url <url>', 'base URL of its vigil serve, e.g. https://rus.example:8080'),
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ vigil exchange peer add RUS --key rus.pub --url http://10.0.0.7:8080',
    )
    .action((name: string, flags: HomeFlags & { key: string; url?: string }) => {
      const opened = openFromFlags(flags);
      try {
        // A file holding the key, or the key itself (base64 of its 32 bytes).
        const text = existsSync(flags.key) ? readKeyFile(flags.key) : flags.key;
        const row = opened.node.addPeer(checkedId('<name>', name), text, flags.url ?? null);
        const listed = opened.node.status().peers.find((p) => p.name === row.name)!;
        process.stdout.write(
          `added ${row.name} (fingerprint ${listed.fingerprint})${row.url ? ` at ${row.url}` : ''}\n`,
        );
      } finally {
        opened.close();
      }
    });

  addHomeOptions(
    peer.command('remove').description('forget a partner').argument('<name>', "the partner's centre id"),
  ).action((name: string, flags: HomeFlags) => {
    const opened = openFromFlags(flags);
    try {
      if (!opened.node.removePeer(name))
        throw new InputError({ source: '<name>', path: [], message: `no partner '${name}' is registered` });
      process.stdout.write(`removed ${name}\n`);
    } finally {
      opened.close();
    }
  });

  addHomeOptions(
    peer.command('list').description('the registered partners').option('--json', 'as JSON'),
  ).action((flags: HomeFlags & { json?: boolean }) => {
    const opened = openFromFlags(flags);
    try {
      const peers = opened.node.status().peers.map((p) => ({
        name: p.name,
        publicKey: p.publicKey,
        fingerprint: p.fingerprint,
        url: p.url,
        lastHeard: p.line?.lastHeardMs ? new Date(p.line.lastHeardMs).toISOString() : null,
      }));
      if (flags.json) process.stdout.write(`${JSON.stringify(peers, null, 2)}\n`);
      else
        process.stdout.write(
          `${textTable(
            ['partner', 'fingerprint', 'url', 'last heard'],
            peers.map((p) => [p.name, p.fingerprint, p.url ?? '-', p.lastHeard ?? 'never']),
          )}\n`,
        );
    } finally {
      opened.close();
    }
  });

  addHomeOptions(
    exchange
      .command('status')
      .description('outbox, inbox, rejections by reason and alarms of this centre')
      .option('--json', 'as JSON'),
  ).action((flags: HomeFlags & { json?: boolean }) => {
    const opened = openFromFlags(flags);
    try {
      const node = opened.node;
      const status = node.status();
      const pending = node.outbox().filter((r) => r.ackedAtMs === null);
      const alarms = node.alarms();
      if (flags.json) {
        process.stdout.write(
          `${JSON.stringify({ ...status, pendingMessages: pending, alarms, recentRejections: node.rejections(20) }, null, 2)}\n`,
        );
        return;
      }
      const lines = [
        `centre ${status.centreId} (key fingerprint ${status.publicKeyFingerprint}), ${status.peers.length} partner(s)`,
        `outbox: ${status.outbox.pending} waiting for acknowledgement, ${status.outbox.acknowledged} acknowledged`,
        ...pending.map(
          (r) =>
            `  #${r.seq} to ${r.peer}: ${r.attempts} transmission(s)${r.lastError ? `, last: ${r.lastError}` : ''}`,
        ),
        `inbox: ${status.inbox.stored} stored, ${status.inbox.held} held for ordering, ${status.inbox.untaken} not yet taken`,
        `rejected: ${
          Object.entries(status.rejections)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') || 'none'
        }`,
        `alarms: ${alarms.length}`,
        ...alarms.slice(-10).map((a) => `  ${new Date(a.atMs).toISOString()} ${a.kind}: ${a.text}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      opened.close();
    }
  });

  addHomeOptions(
    exchange
      .command('flush')
      .description('deliver what the outbox holds, retrying until acknowledged or --wait runs out')
      .option(
        '--via <url>',
        "http(s)://… of a partner's vigil serve, or nats://… (default: each partner's URL)",
      )
      .option('--wait <s>', 'give up after this many seconds (exit 1 if anything is left)', '30'),
  ).action(async (flags: HomeFlags & { via?: string; wait: string }) => {
    const waitS = parseNumberIn('--wait', flags.wait, 0, 86_400, 's');
    const opened = openFromFlags(flags);
    const { transport, close } = await transportFor(opened.node, flags.via);
    try {
      const ids = opened.node
        .outbox()
        .filter((r) => r.ackedAtMs === null)
        .map((r) => r.id);
      const open = await deliverUntilAcknowledged(opened.node, transport, ids, waitS * 1000);
      process.stdout.write(
        `${ids.length - open.length} delivered and acknowledged, ${open.length} still waiting\n`,
      );
      if (open.length > 0) process.exitCode = 1;
    } finally {
      await close();
      opened.close();
    }
  });

  addHomeOptions(
    exchange
      .command('listen')
      .description(
        "take this centre's messages off the bus, acknowledge them, and keep its own traffic moving",
      )
      .requiredOption('--bus <url>', 'nats://host:4222 (or memory: within one process)'),
  ).action(async (flags: HomeFlags & { bus: string }) => {
    const opened = openFromFlags(flags);
    const bus = await openBus(flags.bus);
    const stop = new AbortController();
    const listening = await listenOnBus(bus, opened.node);
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.stderr.write(`vigil exchange: centre ${opened.node.centreId} listening on ${flags.bus}\n`);
    // Lines being written: their messages are confirmed once stdout has taken them, and
    // nothing is taken again meanwhile (a crash before that prints them again).
    let printing: Promise<void> | null = null;
    try {
      await runCourier(opened.node, busTransport(bus), {
        signal: stop.signal,
        onRound: (round) => {
          for (const a of round.alarms) process.stderr.write(`alarm ${a.kind}: ${a.text}\n`);
          const delivered = printing ? [] : opened.node.take();
          if (delivered.length === 0) return;
          const lines = delivered
            .map(
              (d) => `${JSON.stringify({ from: d.from, seq: d.seq, issuedAt: d.issuedAt, body: d.body })}\n`,
            )
            .join('');
          printing = new Promise<void>((done) =>
            process.stdout.write(lines, (err) => {
              if (!err) opened.node.confirmTaken(delivered);
              printing = null;
              done();
            }),
          );
        },
      });
    } finally {
      await printing;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await listening.close();
      await bus.close();
      opened.close();
    }
  });

  exchange
    .command('simulate')
    .description('run a scenario with several centres (its `centres`), the exchange carrying what they say')
    .argument('<scenario>', 'scenario file with two or more centres; the first notifies the others')
    .option('--seed <n>', "random seed (overrides the scenario's seed)")
    .option('--loss <p>', 'probability that a link loses any one transmission', '0')
    .option('--latency <s>', 'one-way transit time of the links, s', '0.5')
    .option('--json', 'print the whole document as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ vigil exchange simulate scenarios/exchange/1995-notified.yaml
  $ vigil exchange simulate scenarios/exchange/1995-dropped.yaml --json > dropped.json
  $ vigil exchange simulate scenarios/exchange/1995-notified.yaml --loss 0.3`,
    )
    .action(
      (scenarioArg: string, flags: { seed?: string; loss: string; latency: string; json?: boolean }) => {
        const scenario = loadScenarioFile(resolveScenarioPath(scenarioArg));
        const document = runMultiCentre(scenario, {
          ...(flags.seed === undefined ? {} : { seed: parseSeed('--seed', flags.seed) }),
          link: {
            lossProbability: parseNumberIn('--loss', flags.loss, 0, 0.99),
            latencyS: parseNumberIn('--latency', flags.latency, 0, 3600, 's'),
          },
        });
        process.stdout.write(
          flags.json ? `${JSON.stringify(document, null, 2)}\n` : `${renderSimulation(document)}\n`,
        );
      },
    );
}

export function renderSimulation(d: MultiCentreDocument): string {
  const out = [
    `${d.scenario} — epoch ${d.epoch}, ${Math.round(d.durationS / 60)} min, seed ${d.seed}, ${d.centres.length} centres`,
    `exchange: ${d.exchange.transmissions} transmissions, ${
      Object.entries(d.exchange.lost)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ') || 'none lost'
    }`,
  ];
  for (const c of d.centres) {
    out.push(
      '',
      `Centre ${c.id} (defends ${c.defended.join(', ') || 'nothing'}): ${c.reports.total} sensor reports`,
    );
    out.push(
      `  notifications on file: ${c.notifications.map((n) => `${n.id} from ${n.deliveredS === null ? '-' : formatElapsed(n.deliveredS)}`).join(', ') || 'none'}`,
    );
    if (c.alerts.length === 0) out.push('  no alerts');
    else
      out.push(
        textTable(
          ['alert', 'level', 'class', 'notification', 'raised'],
          c.alerts.map((a) => [
            a.id,
            a.cancelled ? `${a.level} (withdrawn)` : a.level,
            a.classification ?? '',
            a.notificationId ? `${a.notificationId} (${a.notificationStatus})` : 'none',
            a.levelHistory.map((h) => `${h.level} ${formatElapsed(h.timeS)}`).join(', '),
          ]),
        )
          .split('\n')
          .map((l) => `  ${l}`)
          .join('\n'),
      );
    for (const s of c.exchange.sent)
      out.push(
        `  sent ${s.what} to ${s.to} at ${formatElapsed(s.queuedS)}: ${s.acknowledgedS === null ? `NOT acknowledged after ${s.transmissions} transmissions` : `acknowledged ${formatElapsed(s.acknowledgedS)}`}`,
      );
    for (const r of c.exchange.received)
      out.push(`  received ${r.what} from ${r.from} at ${formatElapsed(r.releasedS)}`);
    for (const a of c.exchange.alarms) out.push(`  ALARM ${formatElapsed(a.timeS)} ${a.kind}: ${a.text}`);
  }
  return out.join('\n');
}
