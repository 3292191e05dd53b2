// The reference raid of issues 3 and 5: 300 launches within 10 minutes (about 1,000
// objects with stages and RVs), watched for 45 minutes by 10 IR satellites and 12
// radar faces. Launch areas and aim points are generic; the raid is a load test.
import { parseScenario } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/scenario.ts';

const FIELDS: Array<{ cls: string; from: [number, number]; to: [number, number] }> = [
  { cls: 'icbm-solid', from: [55.0, 90.0], to: [47.5, -111.2] },
  { cls: 'icbm-liquid', from: [51.1, 59.8], to: [41.2, -96.0] },
  { cls: 'icbm-solid', from: [52.0, 104.0], to: [38.0, -97.0] },
  { cls: 'icbm-solid', from: [57.0, 65.0], to: [43.0, -89.0] },
  { cls: 'slbm', from: [73.0, 40.0], to: [44.0, -93.0] },
  { cls: 'slbm', from: [45.0, -150.0], to: [36.5, -119.5] },
];

export function referenceRaidText(): string {
  const events: string[] = [];
  // 6 fields × 50 launches = 300, each field's launches 12 s apart: all within 10 min.
  FIELDS.forEach((f, i) => {
    events.push(
      `  - { type: launch, id: F${i + 1}, class: ${f.cls}, from: [${f.from}], to: [${f.to}], at: ${10 + i * 5}s, count: 50, spacing: 12s }`,
    );
  });
  return `name: Reference raid
epoch: 2026-05-01T12:00:00Z
duration: 45m
seed: 2026
defended: [USA]
events:
${events.join('\n')}
network:
  preset: us-uk
  satellites:
${[-170, -100, 20, 110, 160]
  .map(
    (lon) =>
      `    - { id: geo-x${lon}, orbit: { geo: { lonDeg: ${lon} } }, sensor: { mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50 } }`,
  )
  .join('\n')}
`;
}

export function referenceRaid(): Scenario {
  return parseScenario(referenceRaidText(), 'reference-raid.yaml');
}
