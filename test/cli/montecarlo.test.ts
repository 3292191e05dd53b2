// `vigil montecarlo`: the aggregate depends on the scenario and base seed only (the same
// bytes with one worker thread or two), what --out writes, bad input, and Ctrl-C
// keeping the runs that finished.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateCampaign } from '../../src/analysis/montecarlo/aggregate.ts';
import {
  prepareCampaign,
  type RunRecord,
  runCampaignRun,
  runSeedOf,
} from '../../src/analysis/montecarlo/campaign.ts';
import { BIN, runCli, tempDir, tempFile } from './helpers.ts';

const SCENARIO = `
name: Small SLBM
epoch: 2026-05-01T12:00:00Z
duration: 15m
seed: 11
defended: [USA]
events:
  - { type: launch, id: S1, class: slbm, from: [35, -55], to: [38.9, -77], at: 30s }
network: us-uk
`;

describe('vigil montecarlo', () => {
  const file = tempFile('small.yaml', SCENARIO);

  it('gives byte-identical aggregates with one worker thread and with two', async () => {
    const one = await runCli(
      'montecarlo',
      file,
      '--runs',
      '6',
      '--workers',
      '1',
      '--vary',
      'pd=0.8..1',
      '--json',
    );
    const two = await runCli(
      'montecarlo',
      file,
      '--runs',
      '6',
      '--workers',
      '2',
      '--vary',
      'pd=0.8..1',
      '--json',
    );
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const a = JSON.parse(one.stdout);
    expect(a).toMatchObject({
      scenario: 'Small SLBM',
      baseSeed: 11,
      runsRequested: 6,
      runsCompleted: 6,
      partial: false,
    });
    expect(a.variations).toEqual(['pd=0.8..1']);
    expect(a.runHours).toBe(1.5);
    expect(a.launches[0].id).toBe('S1');
  }, 120_000);

  it('--out writes aggregate.json, runs.jsonl in run order and a self-contained report.html', async () => {
    const dir = tempDir();
    const r = await runCli(
      'montecarlo',
      file,
      '--runs',
      '4',
      '--workers',
      '2',
      '--seed',
      '5',
      '--out',
      dir,
      '--quiet',
    );
    expect(r.code).toBe(0);
    const aggregate = JSON.parse(readFileSync(join(dir, 'aggregate.json'), 'utf8'));
    expect(aggregate.baseSeed).toBe(5);
    const runs = readFileSync(join(dir, 'runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunRecord);
    expect(runs.map((x) => x.run)).toEqual([0, 1, 2, 3]);
    // Run i's seed is drawn from the base seed and i alone.
    expect(runs.map((x) => x.seed)).toEqual([0, 1, 2, 3].map((i) => runSeedOf(5, i)));
    // The aggregate is that of the records written.
    expect(
      aggregateCampaign({ scenario: 'Small SLBM', spec: { baseSeed: 5, runs: 4, variations: [] } }, runs),
    ).toEqual(aggregate);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    // Nothing to fetch: no script, stylesheet or image from elsewhere; the only URL is the SVG namespace.
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(
      [...html.matchAll(/https?:\/\/[^"'\s)]+/g)]
        .map((m) => m[0])
        .filter((u) => u !== 'http://www.w3.org/2000/svg'),
    ).toEqual([]);
    expect(html.match(/<svg /g)!.length).toBeGreaterThanOrEqual(10);
    for (const heading of ['Headline figures per launch', 'False alerts', 'Distributions', 'Map'])
      expect(html).toContain(heading);
  }, 120_000);

  it.each([
    [['--runs', '3', '--vary', 'wind=3'], /--vary: expected one of/],
    [['--runs', '0'], /--runs: 0 is outside/],
    [['--runs', '3', '--bus', 'memory:'], /--bus: expected nats:/],
  ])('refuses bad options %j with exit status 2', async (args, message) => {
    const r = await runCli('montecarlo', file, ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a scenario that does not load, with its located problem', async () => {
    const bad = tempFile('bad.yaml', SCENARIO.replace('class: slbm', 'class: slbn'));
    const r = await runCli('montecarlo', bad, '--runs', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+: events\[0\]\.class/);
  });

  it('Ctrl-C stops cleanly, writing the aggregate of the runs that finished, marked partial', async () => {
    const dir = tempDir();
    const child = spawn(
      process.execPath,
      [BIN, 'montecarlo', file, '--runs', '400', '--workers', '2', '--out', dir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    // Long enough for the threads to start and finish some runs (each takes well under a second).
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(existsSync(join(dir, 'aggregate.json'))).toBe(true);
    const aggregate = JSON.parse(readFileSync(join(dir, 'aggregate.json'), 'utf8'));
    expect(aggregate.partial).toBe(true);
    expect(aggregate.runsRequested).toBe(400);
    expect(aggregate.runsCompleted).toBeGreaterThan(0);
    expect(aggregate.runsCompleted).toBeLessThan(400);
    expect(stdout).toContain('PARTIAL');
    const runs = readFileSync(join(dir, 'runs.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as RunRecord);
    expect(runs).toHaveLength(aggregate.runsCompleted);
    // What finished is what those runs give on their own.
    const campaign = prepareCampaign({
      scenarioText: SCENARIO,
      sourceName: file,
      baseSeed: 11,
      runs: 400,
      variations: [],
    });
    expect(runs[0]).toEqual(runCampaignRun(campaign, runs[0]!.run));
  }, 60_000);
});
