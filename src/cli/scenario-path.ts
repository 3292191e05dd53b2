// Where a scenario argument points: a file path, or the name of a bundled scenario
// (`vigil run salvo` runs scenarios/salvo.yaml from wherever vigil is installed).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BUNDLED_SCENARIOS_DIR = resolve(import.meta.dirname, '../../scenarios');

export function resolveScenarioPath(arg: string): string {
  if (existsSync(arg)) return arg;
  for (const candidate of [join(BUNDLED_SCENARIOS_DIR, `${arg}.yaml`), join(BUNDLED_SCENARIOS_DIR, arg)]) {
    if (existsSync(candidate)) return candidate;
  }
  return arg;
}
