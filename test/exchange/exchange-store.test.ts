// The exchange store on disk: what a node queued is there after the file is closed
// and opened again, and the file belongs to the centre that first used it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { generateKeyPair, publicKeyText } from '../../src/exchange/keys.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import { notificationBody } from './helpers.ts';

describe('exchange store', () => {
  it('keeps the outbox, the numbering and the partners across a close and reopen', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'exchange.db');
    const keys = generateKeyPair();
    const partner = publicKeyText(generateKeyPair().publicKey);
    const first = ExchangeStore.open(path);
    const a = new ExchangeNode({ centreId: 'A', privateKey: keys.privateKey, store: first });
    a.addPeer('B', partner);
    a.send('B', notificationBody('N-1'));
    first.close();
    const second = ExchangeStore.open(path);
    const again = new ExchangeNode({ centreId: 'A', privateKey: keys.privateKey, store: second });
    expect(again.peers().map((p) => p.publicKey)).toEqual([partner]);
    expect(
      again
        .due()
        .filter((o) => o.type === 'notification')
        .map((o) => o.seq),
    ).toEqual([1]);
    expect(again.send('B', notificationBody('N-2')).seq).toBe(2);
    second.close();
  });

  it("refuses a node of another centre on a centre's store", () => {
    const store = ExchangeStore.open(':memory:');
    new ExchangeNode({ centreId: 'A', privateKey: generateKeyPair().privateKey, store });
    expect(
      () => new ExchangeNode({ centreId: 'B', privateKey: generateKeyPair().privateKey, store }),
    ).toThrow(InputError);
  });
});
