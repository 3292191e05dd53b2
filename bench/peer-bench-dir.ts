// Where the shared peer tracking benchmark files are (../shared/bench/FORMAT.md):
// $VIGIL_PEER_BENCH_DIR, else ../shared/bench beside the checkout, else the shared
// folder of this machine. Tests that need the files fail (never skip) when none exists.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const CANDIDATES = [
  process.env['VIGIL_PEER_BENCH_DIR'],
  resolve(import.meta.dirname, '../../shared/bench'),
  '/work/shared/bench',
].filter((p): p is string => typeof p === 'string' && p !== '');

export function peerBenchDir(): string {
  const found = CANDIDATES.find((dir) => existsSync(resolve(dir, 'FORMAT.md')));
  if (!found) {
    throw new Error(
      `peer benchmark files not found; looked in ${CANDIDATES.join(', ')} (set VIGIL_PEER_BENCH_DIR)`,
    );
  }
  return found;
}
