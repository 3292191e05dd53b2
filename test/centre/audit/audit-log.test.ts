// The hash-chained audit log: intact chains verify, and any single flipped byte is
// caught at the record it changed (issue 5).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuditLog, GENESIS_HASH, verifyAuditLines } from '../../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../../src/centre/audit/canonical-json.ts';
import { runCli, tempFile } from '../../cli/helpers.ts';

function sampleLog(): AuditLog {
  const log = new AuditLog();
  log.append(75, 'track-confirmed', 'Track T1 confirmed from geo-e80 and heo-1', {
    trackId: 'T1',
    sensors: ['geo-e80', 'heo-1'],
  });
  log.append(80, 'level-change', 'Alert A1 raised to launch-detected', {
    alertId: 'A1',
    level: 'launch-detected',
  });
  log.append(640, 'level-change', 'Alert A1 raised to launch-confirmed: radar thule:1 agrees', {
    alertId: 'A1',
    level: 'launch-confirmed',
  });
  log.append(700, 'notification-match', 'Alert A1 matches notification N1', {
    alertId: 'A1',
    notificationId: 'N1',
  });
  return log;
}

describe('canonical JSON', () => {
  it('sorts keys recursively and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });
  it('refuses non-finite numbers', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('audit chain', () => {
  it('links each record to the SHA-256 of the one before', () => {
    const r = sampleLog().records;
    expect(r[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < r.length; i++) expect(r[i]!.prevHash).toBe(r[i - 1]!.hash);
    // Independent recomputation of the first hash.
    const { hash, ...rest } = r[0]!;
    const expected = createHash('sha256')
      .update(
        `{"data":{"sensors":["geo-e80","heo-1"],"trackId":"T1"},"kind":"track-confirmed","prevHash":"${GENESIS_HASH}","seq":1,"text":${JSON.stringify(rest.text)},"timeS":75}`,
      )
      .digest('hex');
    expect(hash).toBe(expected);
  });

  it('keeps a record as it was when appended, whatever the caller later does to its data', () => {
    const log = new AuditLog();
    const ids = ['T1'];
    log.append(1, 'level-change', 'raised', { trackIds: ids });
    ids.push('T2');
    expect(log.records[0]!.data).toEqual({ trackIds: ['T1'] });
    expect(verifyAuditLines(log.toJsonLines()).ok).toBe(true);
  });

  it('verifies an intact chain', () => {
    expect(verifyAuditLines(sampleLog().toJsonLines())).toEqual({ ok: true, records: 4 });
  });

  it('detects every single flipped byte, at or before the record it is in', () => {
    const text = sampleLog().toJsonLines();
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    let checked = 0;
    for (let offset = 0; offset < text.length; offset++) {
      if (text[offset] === '\n') continue;
      const flipped =
        text.slice(0, offset) + String.fromCharCode(text.charCodeAt(offset) ^ 0x01) + text.slice(offset + 1);
      const result = verifyAuditLines(flipped);
      expect(result.ok, `byte ${offset}`).toBe(false);
      if (!result.ok) expect(result.line).toBeLessThanOrEqual(lineOf(offset) + 0);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('detects a removed record and reordered records', () => {
    const lines = sampleLog().toJsonLines().trimEnd().split('\n');
    const removed = [lines[0], lines[2], lines[3]].join('\n');
    expect(verifyAuditLines(removed)).toMatchObject({ ok: false, line: 2 });
    const swapped = [lines[0], lines[2], lines[1], lines[3]].join('\n');
    expect(verifyAuditLines(swapped)).toMatchObject({ ok: false, line: 2 });
  });

  it('vigil audit verify exits 0 on an intact chain and 2 naming the first bad record', async () => {
    const good = tempFile('audit.jsonl', sampleLog().toJsonLines());
    const ok = await runCli('audit', 'verify', good);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/chain intact \(4 records\)/);
    const lines = sampleLog().toJsonLines().split('\n');
    lines[2] = lines[2]!.replace('launch-confirmed', 'launch-confirmeD');
    const bad = tempFile('audit.jsonl', lines.join('\n'));
    const r = await runCli('audit', 'verify', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/audit\.jsonl:3: chain broken at record 3: hash does not match the record/);
    writeFileSync(bad, '');
  });
});
