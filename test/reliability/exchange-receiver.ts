// A receiving centre in its own process, for the exchange fault test: opens the
// exchange store at argv[2] as centre B (private key argv[3]), registers partner A
// (public key argv[4]) on first start, and answers `POST /exchange/inbox` on port
// argv[5] with `inboxAnswer`. Prints `listening` when up and `acked <seq>` just before
// answering with an acknowledgement. Given argv[6] = k, it kills itself with SIGKILL
// right after storing the k-th new message of this start, before answering: the
// message is stored, its acknowledgement never sent.
import { createServer } from 'node:http';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { inboxAnswer } from '../../src/exchange/http-transport.ts';
import { parsePrivateKey, readKeyFile } from '../../src/exchange/keys.ts';

const [storePath, keyPath, peerKey, portText, dieAtText] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];
const store = ExchangeStore.open(storePath);
const node = new ExchangeNode({
  centreId: 'B',
  privateKey: parsePrivateKey(readKeyFile(keyPath), keyPath),
  store,
  timing: { lineCheckEveryS: 3600 },
});
if (node.peers().length === 0) node.addPeer('A', peerKey);
const dieAt = dieAtText === undefined ? null : Number(dieAtText);
let storedHere = 0;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const before = node.inbox().length;
    const answer = inboxAnswer(node, body);
    if (node.inbox().length > before && ++storedHere === dieAt) process.kill(process.pid, 'SIGKILL');
    if (answer.payload.ack)
      process.stdout.write(`acked ${(JSON.parse(String(body)) as { seq: number }).seq}\n`);
    res
      .writeHead(answer.statusCode, { 'content-type': 'application/json' })
      .end(JSON.stringify(answer.payload));
  });
});
server.listen(Number(portText), '127.0.0.1', () => process.stdout.write('listening\n'));
