// Prints the reliability suite's figures (test/reliability/figures.ts) as a table, the
// latest figure per subject and kind of trial. Run by `npm run test:reliability`.
import { existsSync, readFileSync } from 'node:fs';

const file = 'test-output/reliability-figures.jsonl';
if (!existsSync(file)) {
  console.log('no reliability figures recorded');
  process.exit(0);
}
const latest = new Map();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const f = JSON.parse(line);
  latest.set(`${f.subject}\u0000${f.tried}`, f);
}
const rows = [...latest.values()].sort((a, b) => a.subject.localeCompare(b.subject));
console.log('| subject | tried | failures |');
console.log('| --- | --- | --- |');
for (const f of rows) console.log(`| ${f.subject} | ${f.count} ${f.tried} | ${f.failures} ${f.failure} |`);
