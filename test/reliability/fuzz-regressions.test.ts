// Replays every input the fuzz suite once found a decoder mishandling
// (test/reliability/regressions/*.json) through the same checks the properties use:
// each must now give a correct result or a clear rejection.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { printable } from '../../src/scenario/describe-value.ts';
import { bearer, type TestService, testService } from '../server/helpers.ts';
import {
  checkEnvelopeInput,
  checkReportMessage,
  checkRunResult,
  checkScenarioInput,
  checkWorkItem,
  expectClearRejection,
  expectStandardError,
} from './decoder-checks.ts';
import { pair } from './exchange-arbitraries.ts';

const DIR = join(import.meta.dirname, 'regressions');

interface RegressionCase {
  found: string;
  problem: string;
  text?: string;
  bytesBase64?: string;
  value?: unknown;
  [more: string]: unknown;
}

interface RegressionFile {
  decoder: string;
  cases: RegressionCase[];
}

function bytesOf(c: RegressionCase): Uint8Array {
  if (c.bytesBase64 !== undefined) return Buffer.from(c.bytesBase64, 'base64');
  if (c.text !== undefined) return Buffer.from(c.text, 'utf8');
  return Buffer.from(JSON.stringify(c.value), 'utf8');
}

let service: TestService | null = null;
afterAll(async () => service?.dispose());

const REPLAY: Record<string, (c: RegressionCase) => void | Promise<void>> = {
  api: async (c) => {
    service ??= await testService();
    const res = await service.app.inject({
      method: c['method'] as 'POST',
      url: c['url'] as string,
      headers: { ...bearer(service.admin), 'content-type': c['contentType'] as string },
      payload: c.text!,
    });
    expectStandardError(res, `${c['method']} ${c['url']}`);
  },
  stream: async (c) => {
    service ??= await testService();
    const ws = await service.app.injectWS(`/ws?token=${encodeURIComponent(service.observer)}`);
    try {
      const answer = new Promise<string>((resolve) =>
        ws.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string; message?: string };
          if (m.type === 'error') resolve(m.message ?? '');
        }),
      );
      ws.send(c.text!);
      const message = await answer;
      expect(message).toMatch(/^not a message this stream takes/);
      expect(printable(message)).toBe(message);
    } finally {
      ws.terminate();
    }
  },
  scenario: (c) => {
    checkScenarioInput(c.text!, c['name'] as string);
  },
  'exchange envelope': (c) => {
    if (c['send'] !== true) {
      checkEnvelopeInput(c.value !== undefined ? c.value : bytesOf(c));
      return;
    }
    // A body the centre's own operator asks to send: refused with one located line per problem.
    const { a } = pair();
    const error = (() => {
      try {
        a.send('B', c.value);
      } catch (err) {
        return err;
      }
      throw new Error('expected the body to be refused');
    })();
    expectClearRejection(error, JSON.stringify(c.value), 'send');
  },
  montecarlo: (c) => {
    if (c['kind'] === 'work item')
      expect(checkWorkItem(bytesOf(c), 'vigil.work.montecarlo')).toBe('rejected');
    else expect(checkRunResult(bytesOf(c), 'abf8de01518f543f', 4)).toBe('rejected');
  },
  'bus report': (c) => {
    checkReportMessage(bytesOf(c), (c['subject'] as string | null) ?? undefined);
  },
};

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as RegressionFile) }));

describe('saved fuzz regressions', () => {
  it('every file names a decoder this test can replay', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(Object.keys(REPLAY), f.file).toContain(f.decoder);
  });

  for (const f of files)
    for (const [i, c] of f.cases.entries())
      it(`${f.file} #${i + 1}: ${c.problem.slice(0, 80)}`, async () => {
        await REPLAY[f.decoder]!(c);
      });
});
