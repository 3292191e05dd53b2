// A sending centre in its own process, for the crash test: opens the exchange store
// at argv[2] as centre A (key argv[3]), registers partner B (public key argv[4], URL
// argv[5]) on first start, queues one notification if the outbox is empty, then
// delivers over HTTP until it is acknowledged. Prints `attempt N` before each
// transmission and `acknowledged` at the end, so the test can kill it mid-retry.
import { deliverUntilAcknowledged } from '../../src/exchange/courier.ts';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { httpTransport } from '../../src/exchange/http-transport.ts';
import { parsePrivateKey, readKeyFile } from '../../src/exchange/keys.ts';
import { notificationBody } from './helpers.ts';

const [storePath, keyPath, peerKey, url] = process.argv.slice(2) as [string, string, string, string];
const store = ExchangeStore.open(storePath);
const node = new ExchangeNode({
  centreId: 'A',
  privateKey: parsePrivateKey(readKeyFile(keyPath), keyPath),
  store,
  timing: { retryFirstS: 0.1, retryMaxS: 0.4, lineCheckEveryS: 3600 },
});
if (node.peers().length === 0) node.addPeer('B', peerKey, url);
if (node.outbox().length === 0) node.send('B', notificationBody('N-crash'));
const ids = node.outbox().map((r) => r.id);
const open = await deliverUntilAcknowledged(
  node,
  httpTransport({ timeoutMs: 2000 }),
  ids,
  60_000,
  (round) => {
    for (const s of round.sent) if (s.out.seq !== null) process.stdout.write(`attempt ${s.out.attempt}\n`);
  },
);
store.close();
process.stdout.write(open.length === 0 ? 'acknowledged\n' : `unacknowledged ${open.join(',')}\n`);
