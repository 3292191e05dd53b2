// A centre's exchange on disk, as the CLI and the service open it: a home directory
// (default ./vigil-data/exchange) holding `exchange.db` (exchange-store.ts) and the
// centre's key pair `<centre>.key` / `<centre>.pub` (keys.ts). The centre is named on
// the command line, or is the one the store already belongs to, or the one whose
// private key is alone in the home (right after `vigil exchange keygen`).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../scenario/input-error.ts';
import { ExchangeNode } from './exchange-node.ts';
import { ExchangeStore } from './exchange-store.ts';
import { parsePrivateKey, readKeyFile } from './keys.ts';
import type { ExchangeTiming } from './timing.ts';

export const DEFAULT_EXCHANGE_HOME = './vigil-data/exchange';
export const STORE_FILE = 'exchange.db';

export interface OpenExchangeOptions {
  home?: string;
  /** The centre; default: the store's owner. */
  centreId?: string;
  /** Private key file; default `<home>/<centre>.key`. */
  keyPath?: string;
  timing?: Partial<ExchangeTiming>;
}

export interface OpenedExchange {
  node: ExchangeNode;
  store: ExchangeStore;
  home: string;
  close(): void;
}

/** The centre whose private key is the only one in `home` (keygen's default place), if so. */
function onlyKeyIn(home: string): string | null {
  const keys = existsSync(home) ? readdirSync(home).filter((f) => f.endsWith('.key')) : [];
  return keys.length === 1 ? (keys[0] as string).slice(0, -'.key'.length) : null;
}

export function openExchange(options: OpenExchangeOptions = {}): OpenedExchange {
  const home = options.home ?? DEFAULT_EXCHANGE_HOME;
  const store = ExchangeStore.open(join(home, STORE_FILE));
  try {
    const centreId = options.centreId ?? store.owner() ?? onlyKeyIn(home);
    if (!centreId)
      throw new InputError({
        source: '--centre',
        path: [],
        message: `which centre is this? give --centre ID (make its keys first: vigil exchange keygen --centre ID --out ${home})`,
      });
    const keyPath = options.keyPath ?? join(home, `${centreId}.key`);
    if (!existsSync(keyPath))
      throw new InputError({
        source: keyPath,
        path: [],
        message: `no private key for centre '${centreId}': make one with vigil exchange keygen --centre ${centreId} --out ${home}`,
      });
    const node = new ExchangeNode({
      centreId,
      privateKey: parsePrivateKey(readKeyFile(keyPath), keyPath),
      store,
      ...(options.timing ? { timing: options.timing } : {}),
    });
    return { node, store, home, close: () => store.close() };
  } catch (err) {
    store.close();
    throw err;
  }
}
