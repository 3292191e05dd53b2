// A centre that dies holding its messages, for the hand-over test: opens the exchange
// store at argv[2] as centre B (private key argv[3]), takes what the inbox releases,
// prints `taken <id>,<id>…`, and kills itself with SIGKILL before confirming any.
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { parsePrivateKey, readKeyFile } from '../../src/exchange/keys.ts';

const [storePath, keyPath] = process.argv.slice(2) as [string, string];
const node = new ExchangeNode({
  centreId: 'B',
  privateKey: parsePrivateKey(readKeyFile(keyPath), keyPath),
  store: ExchangeStore.open(storePath),
});
const taken = node.take();
process.stdout.write(`taken ${taken.map((d) => d.id).join(',')}\n`, () =>
  process.kill(process.pid, 'SIGKILL'),
);
