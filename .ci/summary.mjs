// Prints `N passed, N failed` from vitest's JSON report for the CI to read. A test
// file that fails to load (no test results of its own) counts as one failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-output/vitest.json';
try {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  const failed = r.numFailedTests + brokenFiles;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} catch {
  console.log('0 passed, 1 failed (no test report was written)');
  process.exit(1);
}
