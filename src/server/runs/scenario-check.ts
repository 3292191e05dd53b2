// Scenario text checked as `vigil validate` checks a file — the format, every launch
// flyable, the network resolvable — and the notifications added to a run merged into
// its scenario: written into the scenario's YAML document and read back through the
// loader, so an added notification meets exactly the rules of one in a file (fields,
// unique ids, references to earlier ones) and the run's centre gets it the same way.
import { isMap, isSeq, parseDocument } from 'yaml';
import { type RunNetwork, runNetwork } from '../../analysis/live/network-view.ts';
import { InputError, type InputProblem } from '../../scenario/input-error.ts';
import { parseScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import { checkLaunches } from '../../world/generate.ts';

export interface CheckedScenario {
  scenario: Scenario;
  network: RunNetwork;
}

/** The format of text by its first character: JSON objects start with '{'. */
export function sourceNameFor(name: string, text: string): string {
  if (/\.(ya?ml|json)$/i.test(name)) return name;
  return /^\s*\{/.test(text.replace(/^\uFEFF/, '')) ? `${name}.json` : `${name}.yaml`;
}

export function checkScenarioText(text: string, sourceName: string): CheckedScenario {
  const scenario = parseScenario(text, sourceName);
  checkLaunches(scenario);
  return { scenario, network: runNetwork(scenario) };
}

/** Most checked scenarios kept. */
const CACHE_SIZE = 64;

/**
 * Checked scenarios by their text, so that listing many runs of a few scenarios checks
 * each scenario once (tens of milliseconds for a salvo). The oldest go first.
 */
export class CheckedScenarios {
  private readonly cache = new Map<string, CheckedScenario>();

  get(text: string, sourceName: string): CheckedScenario {
    const key = `${sourceName}\n${text}`;
    let checked = this.cache.get(key);
    if (!checked) {
      checked = checkScenarioText(text, sourceName);
      this.cache.set(key, checked);
      for (const oldest of this.cache.keys()) {
        if (this.cache.size <= CACHE_SIZE) break;
        this.cache.delete(oldest);
      }
    }
    return checked;
  }
}

/** The scenario text with `notifications` appended to its notifications list, as YAML. */
export function withNotifications(text: string, notifications: readonly unknown[]): string {
  if (notifications.length === 0) return text;
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.2' });
  if (!isMap(doc.contents)) throw new Error('a stored scenario is always a mapping');
  const list = doc.get('notifications');
  if (isSeq(list)) for (const n of notifications) list.add(doc.createNode(n));
  else doc.set('notifications', doc.createNode([...notifications]));
  return doc.toString();
}

/**
 * Checks `candidate` as one more notification of a scenario that already carries
 * `added` (earlier additions); problems with it are located in the request body at
 * `notification…`.
 */
export function checkAddedNotification(
  text: string,
  added: readonly unknown[],
  candidate: unknown,
): Scenario {
  const index = countFileNotifications(text) + added.length;
  try {
    // The merged document is YAML whatever the original was.
    return parseScenario(withNotifications(text, [...added, candidate]), 'scenario.yaml');
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.problems.map(
        (p): InputProblem =>
          p.path[0] === 'notifications' && p.path[1] === index
            ? { source: 'request body', path: ['notification', ...p.path.slice(2)], message: p.message }
            : { source: 'request body', path: ['notification'], message: p.message },
      ),
    );
  }
}

function countFileNotifications(text: string): number {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { version: '1.2' });
  const list = doc.get('notifications');
  return isSeq(list) ? list.items.length : 0;
}
