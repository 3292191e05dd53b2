// A Monte Carlo result on the bus counts only when its record has the shape of a real
// run's record: records of real runs (every kind of variation drawn) are accepted, and
// the same records with one field made wrong are ignored, not folded into statistics.
import { describe, expect, it } from 'vitest';
import { prepareCampaign, runCampaignRun } from '../../src/analysis/montecarlo/campaign.ts';
import { parseVariations } from '../../src/analysis/montecarlo/variations.ts';
import { jsonBytes } from '../../src/bus/message-bus.ts';
import { campaignIdOf, decodeResult, RESULT_FORMAT } from '../../src/cli/montecarlo/work-messages.ts';
import { polar } from '../server/helpers.ts';

const spec = {
  scenarioText: polar(8),
  sourceName: 'polar.yaml',
  baseSeed: 7,
  runs: 3,
  variations: parseVariations([
    'noise=0.8..1.5,pd=0.9..1,cloud-top=8..14,launch-time=120,outage=0.3,glint=0.5..2',
  ]),
};
const campaignId = campaignIdOf(spec);
const prepared = prepareCampaign(spec);
const records = [0, 1, 2].map((run) => runCampaignRun(prepared, run));
const message = (record: unknown, run: number) =>
  jsonBytes({ format: RESULT_FORMAT, campaignId, run, worker: 'host:1', record });

describe('Monte Carlo results from the bus', () => {
  it("accepts real runs' records as they travel (JSON)", () => {
    for (const r of records) {
      const decoded = decodeResult(message(JSON.parse(JSON.stringify(r)), r.run), campaignId, spec.runs);
      expect(decoded?.record).toEqual(JSON.parse(JSON.stringify(r)));
    }
    expect(records.some((r) => r.launches.length > 0)).toBe(true);
  });

  it('ignores a record with any of these fields wrong', () => {
    const r = JSON.parse(JSON.stringify(records[0])) as Record<string, unknown>;
    const launch = (r['launches'] as Array<Record<string, unknown>>)[0]!;
    const broken: Array<[string, Record<string, unknown>]> = [
      ['launches not a list', { ...r, launches: 'L1' }],
      ['a negative report count', { ...r, reports: { total: -1, falseAlarms: 0 } }],
      [
        'a level time that is a string',
        { ...r, launches: [{ ...launch, levels: { ...(launch['levels'] as object), event: '5' } }] },
      ],
      [
        'an unknown alert level',
        {
          ...r,
          falseAlerts: [{ alertId: 'A1', level: 'panic', levelTimeS: 1, cancelled: false, causes: {} }],
        },
      ],
      [
        'a latitude beyond the pole',
        { ...r, launches: [{ ...launch, launchPoint: { latDeg: 91, lonDeg: 0 } }] },
      ],
      ['an extra field', { ...r, injected: true }],
      ['a missing field', Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'variation'))],
    ];
    for (const [why, record] of broken)
      expect(decodeResult(message(record, 0), campaignId, spec.runs), why).toBeNull();
  });
});
