// A run's audit chain continued by the service: the centre's decisions of each step
// and every operator action, in one hash chain named by the run id. The centre's own
// AuditLog numbers from 1 for each centre it builds; here its records are re-linked
// after the chain's stored end (seq and hashes as audit-log.ts defines them), so a run
// resumed after a restart, or acted on between steps, keeps a single verifiable chain.
// Callers hold the run's mutex from seal() to advance().
import type { AuditDraft } from '../../analysis/live/run-stepper.ts';
import { type AuditRecord, GENESIS_HASH, hashRecord } from '../../centre/audit/audit-log.ts';
import type { EventStore } from '../../store/event-store.ts';

export class AuditChain {
  private readonly store: EventStore;
  private readonly chain: string;
  private head: { seq: number; hash: string } | null = null;

  constructor(store: EventStore, chain: string) {
    this.store = store;
    this.chain = chain;
  }

  /** The drafts as the records that follow the chain's end; the chain itself is unchanged until advance(). */
  async seal(drafts: readonly AuditDraft[]): Promise<AuditRecord[]> {
    if (drafts.length === 0) return [];
    if (!this.head) {
      const last = await this.store.lastAudit(this.chain);
      this.head = last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
    }
    let { seq, hash } = this.head;
    return drafts.map((d) => {
      const base = { seq: ++seq, timeS: d.timeS, kind: d.kind, text: d.text, data: d.data, prevHash: hash };
      hash = hashRecord(base);
      return { ...base, hash };
    });
  }

  /** After the sealed records were stored. */
  advance(records: readonly AuditRecord[]): void {
    const last = records[records.length - 1];
    if (last) this.head = { seq: last.seq, hash: last.hash };
  }

  /** After a failed write: read the end from the store next time. */
  forget(): void {
    this.head = null;
  }
}
