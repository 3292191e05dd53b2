// A sending centre in its own process, for the exchange fault test: opens the exchange
// store at argv[2] as centre A (private key argv[3]), registers partner B (public key
// argv[4], URL argv[5]) on first start, queues notifications N-1 … N-<argv[6]> (those
// not yet in its outbox: a start after a kill queues only what is missing), then
// delivers over HTTP until all are acknowledged. Prints `acked <seq>` as each
// acknowledgement arrives (and for those acknowledged before this start) and `done`
// at the end, so the test can kill it mid-flush.
import { deliverUntilAcknowledged } from '../../src/exchange/courier.ts';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { httpTransport } from '../../src/exchange/http-transport.ts';
import { parsePrivateKey, readKeyFile } from '../../src/exchange/keys.ts';
import { notificationBody } from '../exchange/helpers.ts';

const [storePath, keyPath, peerKey, url, countText] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
];
const store = ExchangeStore.open(storePath);
const node = new ExchangeNode({
  centreId: 'A',
  privateKey: parsePrivateKey(readKeyFile(keyPath), keyPath),
  store,
  timing: { retryFirstS: 0.05, retryMaxS: 0.2, lineCheckEveryS: 3600 },
});
if (node.peers().length === 0) node.addPeer('B', peerKey, url);
for (let i = node.outbox().length + 1; i <= Number(countText); i++)
  node.send('B', notificationBody(`N-${i}`));
const rows = node.outbox();
// Those acknowledged before a kill are said again: the kill may have come between the
// acknowledgement being stored and its line being printed.
const reported = new Set<string>();
for (const r of rows)
  if (r.ackedAtMs !== null) {
    reported.add(r.id);
    process.stdout.write(`acked ${r.seq}\n`);
  }
const open = await deliverUntilAcknowledged(
  node,
  httpTransport({ timeoutMs: 2000 }),
  rows.map((r) => r.id),
  60_000,
  () => {
    for (const r of rows)
      if (!reported.has(r.id) && node.acknowledged(r.id)) {
        reported.add(r.id);
        process.stdout.write(`acked ${r.seq}\n`);
      }
  },
);
store.close();
process.stdout.write(open.length === 0 ? 'done\n' : `unacknowledged ${open.length}\n`);
