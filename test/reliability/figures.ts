// The reliability suite's figures (issue 9): each test that tries inputs or injects
// faults reports how many it tried and how many went wrong, as one printed line and as
// one JSON line in test-output/reliability-figures.jsonl, so `npm run test:reliability`
// can end with the table the README quotes. A figure is reported only after the test
// has asserted `bad === 0`-style expectations itself: the line records, it does not judge.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Figure {
  /** The part of the system: 'scenario decoder', 'exchange envelope', 'NATS restart', … */
  subject: string;
  /** What was tried: 'fuzzed inputs', 'forged messages', 'faults injected', … */
  tried: string;
  count: number;
  /** What would be a failure: 'crashes', 'accepted', 'acknowledged messages lost', … */
  failure: string;
  failures: number;
  /** Anything else worth printing (seed, duration, …). */
  detail?: string;
}

export const FIGURES_FILE = join('test-output', 'reliability-figures.jsonl');

export function reportFigure(figure: Figure): void {
  const detail = figure.detail ? ` (${figure.detail})` : '';
  console.log(
    `[reliability] ${figure.subject}: ${figure.count} ${figure.tried}, ${figure.failures} ${figure.failure}${detail}`,
  );
  mkdirSync(dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(FIGURES_FILE, `${JSON.stringify({ ...figure, at: new Date().toISOString() })}\n`);
}
