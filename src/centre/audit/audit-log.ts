// The centre's audit log: every decision (track confirmed, alert level change,
// notification match, cancellation, operator action) appended as a record that
// carries the SHA-256 of the previous record, so any later change to a record breaks
// the chain from that record on (issue 5). Written as JSON Lines.
import { createHash } from 'node:crypto';
import { canonicalJson, type Json } from './canonical-json.ts';

export type AuditKind =
  | 'track-confirmed'
  | 'level-change'
  | 'notification-match'
  | 'notification-mismatch'
  | 'cancellation'
  | 'feed-inconsistent'
  | 'operator-action';

export interface AuditRecord {
  /** 1-based position in the chain. */
  seq: number;
  /** Simulation time, s after the scenario epoch. */
  timeS: number;
  kind: AuditKind;
  /** What was decided and why, in words a duty officer would use. */
  text: string;
  data: { [key: string]: Json };
  /** SHA-256 (hex) of the previous record's canonical form; 64 zeros for the first. */
  prevHash: string;
  /** SHA-256 (hex) of this record's canonical form without `hash`. */
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function hashRecord(r: Omit<AuditRecord, 'hash'>): string {
  const { seq, timeS, kind, text, data, prevHash } = r;
  return createHash('sha256').update(canonicalJson({ seq, timeS, kind, text, data, prevHash })).digest('hex');
}

export class AuditLog {
  private readonly list: AuditRecord[] = [];

  get records(): readonly AuditRecord[] {
    return this.list;
  }

  append(timeS: number, kind: AuditKind, text: string, data: { [key: string]: Json } = {}): AuditRecord {
    const prevHash = this.list.length > 0 ? this.list[this.list.length - 1]!.hash : GENESIS_HASH;
    // A deep copy: the caller's arrays may change later, a record must not.
    const frozen = JSON.parse(canonicalJson(data)) as { [key: string]: Json };
    const base = { seq: this.list.length + 1, timeS, kind, text, data: frozen, prevHash };
    const record: AuditRecord = { ...base, hash: hashRecord(base) };
    this.list.push(record);
    return record;
  }

  toJsonLines(): string {
    return this.list.map((r) => `${canonicalJson(r)}\n`).join('');
  }
}

export type VerifyResult =
  | { ok: true; records: number }
  | { ok: false; line: number; seq: number | null; reason: string };

/** Checks a JSON Lines audit chain; names the first record that does not hold. */
export function verifyAuditLines(text: string): VerifyResult {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let r: AuditRecord;
    try {
      r = JSON.parse(lines[i]!) as AuditRecord;
    } catch {
      return { ok: false, line, seq: null, reason: 'not valid JSON' };
    }
    if (typeof r !== 'object' || r === null || typeof r.hash !== 'string') {
      return { ok: false, line, seq: null, reason: 'not an audit record' };
    }
    if (r.seq !== i + 1)
      return { ok: false, line, seq: r.seq ?? null, reason: `sequence ${r.seq} where ${i + 1} was expected` };
    if (r.prevHash !== prevHash) return { ok: false, line, seq: r.seq, reason: 'previous-hash link broken' };
    let expected: string;
    try {
      expected = hashRecord(r);
    } catch {
      return { ok: false, line, seq: r.seq, reason: 'record cannot be encoded' };
    }
    if (expected !== r.hash) return { ok: false, line, seq: r.seq, reason: 'hash does not match the record' };
    prevHash = r.hash;
  }
  return { ok: true, records: lines.length };
}
