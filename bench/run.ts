// `npm run bench [name…]`: runs every suite listed below (or those whose file name
// matches an argument) and prints one markdown table per suite.
import { type BenchSuite, formatTable, peakRssMb } from './harness.ts';

const suites: Record<string, () => Promise<{ suite: BenchSuite }>> = {
  analysis: () => import('./analysis.ts'),
  centre: () => import('./centre.ts'),
  flight: () => import('./flight.ts'),
  sensors: () => import('./sensors.ts'),
  chain: () => import('./chain.ts'),
  ingest: () => import('./ingest.ts'),
  integrate: () => import('./integrate.ts'),
  ir: () => import('./ir.ts'),
  orbits: () => import('./orbits.ts'),
  radar: () => import('./radar.ts'),
  store: () => import('./store.ts'),
  tracking: () => import('./tracking.ts'),
  web: () => import('./web.ts'),
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.some((w) => name.includes(w))) continue;
  const { suite } = await load();
  const rows = await suite.run();
  console.log(formatTable(suite.title, rows));
}
console.log(`\npeak RSS ${peakRssMb().toFixed(0)} MB`);
