// The exchange's durable state in one SQLite file (better-sqlite3, synchronous): the
// partners' keys, the outbox (every ordered message sent, until acknowledged), the
// inbox (every ordered message received, stored before it is acknowledged), the
// per-partner sequence and ordering state, line-check times, the rejection log and
// the alarms. WAL with synchronous=FULL, so a committed change survives kill -9 (and a
// power cut); every change that must be atomic runs in one transaction. `:memory:`
// gives a throwaway store (simulations). The file belongs to one centre: the first
// node to open it writes its id in, and a node of another centre is refused.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../scenario/input-error.ts';

/** Rejection log rows kept (the counts are kept for ever). */
const REJECTION_LOG_ROWS = 10_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS peers (
  name TEXT PRIMARY KEY, public_key TEXT NOT NULL, url TEXT, added_at_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS send_seq (peer TEXT PRIMARY KEY, last_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, peer TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, next_attempt_ms INTEGER NOT NULL,
  last_attempt_ms INTEGER, acked_at_ms INTEGER, ack_alarmed INTEGER NOT NULL, last_error TEXT,
  UNIQUE (peer, seq));
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (acked_at_ms, next_attempt_ms);
CREATE TABLE IF NOT EXISTS inbox (
  sender TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, issued_at TEXT NOT NULL,
  body TEXT NOT NULL, digest TEXT NOT NULL, received_at_ms INTEGER NOT NULL,
  released_at_ms INTEGER, taken_at_ms INTEGER,
  PRIMARY KEY (sender, id), UNIQUE (sender, seq));
CREATE INDEX IF NOT EXISTS inbox_untaken ON inbox (taken_at_ms, released_at_ms);
CREATE TABLE IF NOT EXISTS receive_order (
  sender TEXT PRIMARY KEY, next_seq INTEGER NOT NULL, announced_seq INTEGER NOT NULL,
  gap_since_ms INTEGER, gap_alarmed INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS seen_control (
  sender TEXT NOT NULL, id TEXT NOT NULL, digest TEXT NOT NULL, at_ms INTEGER NOT NULL,
  PRIMARY KEY (sender, id));
CREATE TABLE IF NOT EXISTS lines (
  peer TEXT PRIMARY KEY, watch_since_ms INTEGER NOT NULL, last_sent_ms INTEGER,
  last_heard_ms INTEGER, overdue INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS rejections (
  n INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, sender TEXT, message_id TEXT,
  reason TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rejection_counts (reason TEXT PRIMARY KEY, count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alarms (
  n INTEGER PRIMARY KEY AUTOINCREMENT, at_ms INTEGER NOT NULL, kind TEXT NOT NULL, peer TEXT NOT NULL,
  message_id TEXT, text TEXT NOT NULL);
`;

export interface PeerRow {
  name: string;
  /** base64 of the raw Ed25519 public key. */
  publicKey: string;
  /** Base URL of its `vigil serve` (HTTP transport), or null. */
  url: string | null;
  addedAtMs: number;
}

export interface OutboxRow {
  id: string;
  peer: string;
  seq: number;
  /** The body as canonical JSON. */
  body: string;
  createdAtMs: number;
  attempts: number;
  nextAttemptMs: number;
  lastAttemptMs: number | null;
  ackedAtMs: number | null;
  ackAlarmed: boolean;
  lastError: string | null;
}

export interface InboxRow {
  sender: string;
  id: string;
  seq: number;
  issuedAt: string;
  body: string;
  /** SHA-256 of what makes the message itself (recipient, sequence number, body): equal for a retransmission. */
  digest: string;
  receivedAtMs: number;
  releasedAtMs: number | null;
  takenAtMs: number | null;
}

export interface OrderRow {
  sender: string;
  /** The next sequence number to release. */
  nextSeq: number;
  /** The highest sequence number the sender has said (by sending it, or in a line check) it gave out. */
  announcedSeq: number;
  /** Since when a gap (nextSeq missing while later ones are held or announced) has lasted. */
  gapSinceMs: number | null;
  gapAlarmed: boolean;
}

export interface LineRow {
  peer: string;
  watchSinceMs: number;
  lastSentMs: number | null;
  lastHeardMs: number | null;
  overdue: boolean;
}

export interface RejectionRow {
  atMs: number;
  sender: string | null;
  messageId: string | null;
  reason: string;
  detail: string;
}

export interface AlarmRow {
  n: number;
  atMs: number;
  kind: string;
  peer: string;
  messageId: string | null;
  text: string;
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function outboxRow(r: Row): OutboxRow {
  return {
    id: String(r['id']),
    peer: String(r['peer']),
    seq: num(r['seq']),
    body: String(r['body']),
    createdAtMs: num(r['created_at_ms']),
    attempts: num(r['attempts']),
    nextAttemptMs: num(r['next_attempt_ms']),
    lastAttemptMs: numOrNull(r['last_attempt_ms']),
    ackedAtMs: numOrNull(r['acked_at_ms']),
    ackAlarmed: num(r['ack_alarmed']) === 1,
    lastError: strOrNull(r['last_error']),
  };
}

function inboxRow(r: Row): InboxRow {
  return {
    sender: String(r['sender']),
    id: String(r['id']),
    seq: num(r['seq']),
    issuedAt: String(r['issued_at']),
    body: String(r['body']),
    digest: String(r['digest']),
    receivedAtMs: num(r['received_at_ms']),
    releasedAtMs: numOrNull(r['released_at_ms']),
    takenAtMs: numOrNull(r['taken_at_ms']),
  };
}

function peerRow(r: Row): PeerRow {
  return {
    name: String(r['name']),
    publicKey: String(r['public_key']),
    url: strOrNull(r['url']),
    addedAtMs: num(r['added_at_ms']),
  };
}

function lineRow(r: Row): LineRow {
  return {
    peer: String(r['peer']),
    watchSinceMs: num(r['watch_since_ms']),
    lastSentMs: numOrNull(r['last_sent_ms']),
    lastHeardMs: numOrNull(r['last_heard_ms']),
    overdue: num(r['overdue']) === 1,
  };
}

export class ExchangeStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
  }

  /** Opens (creating) the store at `path`, or a throwaway one for `:memory:`. */
  static open(path: string): ExchangeStore {
    const memory = path === ':memory:';
    const file = memory ? path : resolve(path);
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    let db: Database.Database;
    try {
      db = new Database(file, { timeout: 10_000 });
    } catch (err) {
      throw new InputError({
        source: path,
        path: [],
        message: `cannot open the exchange store: ${(err as Error).message}`,
      });
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    return new ExchangeStore(file, db);
  }

  close(): void {
    this.db.close();
  }

  /**
   * Runs `fn` as one transaction: all of it is stored, or none. IMMEDIATE takes the
   * write lock at once, so a CLI and a service sharing the file never both read the
   * same sequence number.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  private s(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private one(sql: string, ...params: unknown[]): Row | undefined {
    return this.s(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.s(sql).all(...params) as Row[];
  }

  private run(sql: string, ...params: unknown[]): number {
    return this.s(sql).run(...params).changes;
  }

  // --- owner ---

  /** Binds the store to a centre on first use; refuses another centre's node. */
  claim(centreId: string): void {
    this.run('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)', 'centre', centreId);
    const owner = this.one('SELECT value FROM meta WHERE key = ?', 'centre');
    if (owner && owner['value'] !== centreId)
      throw new InputError({
        source: this.path,
        path: [],
        message: `this exchange store belongs to centre '${String(owner['value'])}', not '${centreId}'`,
      });
  }

  owner(): string | null {
    return strOrNull(this.one('SELECT value FROM meta WHERE key = ?', 'centre')?.['value']);
  }

  // --- peers ---

  addPeer(peer: PeerRow): void {
    this.run(
      'INSERT INTO peers (name, public_key, url, added_at_ms) VALUES (?, ?, ?, ?)',
      peer.name,
      peer.publicKey,
      peer.url,
      peer.addedAtMs,
    );
  }

  removePeer(name: string): boolean {
    return this.run('DELETE FROM peers WHERE name = ?', name) > 0;
  }

  peer(name: string): PeerRow | null {
    const r = this.one('SELECT * FROM peers WHERE name = ?', name);
    return r ? peerRow(r) : null;
  }

  peers(): PeerRow[] {
    return this.all('SELECT * FROM peers ORDER BY name').map(peerRow);
  }

  // --- outbox ---

  /** The next sequence number for `peer`, taken (call inside the transaction that stores the message). */
  takeSeq(peer: string): number {
    const r = this.one('SELECT last_seq FROM send_seq WHERE peer = ?', peer);
    const seq = (r ? num(r['last_seq']) : 0) + 1;
    this.run(
      'INSERT INTO send_seq (peer, last_seq) VALUES (?, ?) ON CONFLICT (peer) DO UPDATE SET last_seq = excluded.last_seq',
      peer,
      seq,
    );
    return seq;
  }

  lastSeq(peer: string): number {
    return num(this.one('SELECT last_seq FROM send_seq WHERE peer = ?', peer)?.['last_seq'] ?? 0);
  }

  insertOutbox(row: OutboxRow): void {
    this.run(
      `INSERT INTO outbox (id, peer, seq, body, created_at_ms, attempts, next_attempt_ms, last_attempt_ms,
         acked_at_ms, ack_alarmed, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.id,
      row.peer,
      row.seq,
      row.body,
      row.createdAtMs,
      row.attempts,
      row.nextAttemptMs,
      row.lastAttemptMs,
      row.ackedAtMs,
      row.ackAlarmed ? 1 : 0,
      row.lastError,
    );
  }

  outboxMessage(id: string): OutboxRow | null {
    const r = this.one('SELECT * FROM outbox WHERE id = ?', id);
    return r ? outboxRow(r) : null;
  }

  /** Unacknowledged messages whose next attempt is due by `nowMs`, oldest first. */
  dueOutbox(nowMs: number): OutboxRow[] {
    return this.all(
      'SELECT * FROM outbox WHERE acked_at_ms IS NULL AND next_attempt_ms <= ? ORDER BY peer, seq',
      nowMs,
    ).map(outboxRow);
  }

  pendingOutbox(): OutboxRow[] {
    return this.all('SELECT * FROM outbox WHERE acked_at_ms IS NULL ORDER BY peer, seq').map(outboxRow);
  }

  outbox(): OutboxRow[] {
    return this.all('SELECT * FROM outbox ORDER BY created_at_ms, peer, seq').map(outboxRow);
  }

  recordAttempt(id: string, atMs: number, nextAttemptMs: number): void {
    this.run(
      'UPDATE outbox SET attempts = attempts + 1, last_attempt_ms = ?, next_attempt_ms = ? WHERE id = ?',
      atMs,
      nextAttemptMs,
      id,
    );
  }

  noteOutboxError(id: string, error: string): void {
    this.run('UPDATE outbox SET last_error = ? WHERE id = ?', error.slice(0, 500), id);
  }

  markAcked(id: string, atMs: number): void {
    this.run(
      'UPDATE outbox SET acked_at_ms = ?, last_error = NULL WHERE id = ? AND acked_at_ms IS NULL',
      atMs,
      id,
    );
  }

  markAckAlarmed(id: string): void {
    this.run('UPDATE outbox SET ack_alarmed = 1 WHERE id = ?', id);
  }

  // --- inbox ---

  inboxById(sender: string, id: string): InboxRow | null {
    const r = this.one('SELECT * FROM inbox WHERE sender = ? AND id = ?', sender, id);
    return r ? inboxRow(r) : null;
  }

  inboxBySeq(sender: string, seq: number): InboxRow | null {
    const r = this.one('SELECT * FROM inbox WHERE sender = ? AND seq = ?', sender, seq);
    return r ? inboxRow(r) : null;
  }

  insertInbox(row: InboxRow): void {
    this.run(
      `INSERT INTO inbox (sender, id, seq, issued_at, body, digest, received_at_ms, released_at_ms, taken_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      row.sender,
      row.id,
      row.seq,
      row.issuedAt,
      row.body,
      row.digest,
      row.receivedAtMs,
      row.releasedAtMs,
      row.takenAtMs,
    );
  }

  release(sender: string, seq: number, atMs: number): void {
    this.run(
      'UPDATE inbox SET released_at_ms = ? WHERE sender = ? AND seq = ? AND released_at_ms IS NULL',
      atMs,
      sender,
      seq,
    );
  }

  /** Sequence numbers stored but not released (held behind a gap), ascending. */
  heldSeqs(sender: string): number[] {
    return this.all(
      'SELECT seq FROM inbox WHERE sender = ? AND released_at_ms IS NULL ORDER BY seq',
      sender,
    ).map((r) => num(r['seq']));
  }

  /** Released messages nobody has taken yet, in release order. */
  untaken(): InboxRow[] {
    return this.all(
      'SELECT * FROM inbox WHERE taken_at_ms IS NULL AND released_at_ms IS NOT NULL ORDER BY released_at_ms, sender, seq',
    ).map(inboxRow);
  }

  /** Marks a released message taken (once: a repeated confirmation keeps the first time). */
  markTaken(sender: string, id: string, atMs: number): void {
    this.run(
      'UPDATE inbox SET taken_at_ms = ? WHERE sender = ? AND id = ? AND taken_at_ms IS NULL AND released_at_ms IS NOT NULL',
      atMs,
      sender,
      id,
    );
  }

  inbox(): InboxRow[] {
    return this.all('SELECT * FROM inbox ORDER BY received_at_ms, sender, seq').map(inboxRow);
  }

  order(sender: string): OrderRow {
    const r = this.one('SELECT * FROM receive_order WHERE sender = ?', sender);
    if (!r) return { sender, nextSeq: 1, announcedSeq: 0, gapSinceMs: null, gapAlarmed: false };
    return {
      sender,
      nextSeq: num(r['next_seq']),
      announcedSeq: num(r['announced_seq']),
      gapSinceMs: numOrNull(r['gap_since_ms']),
      gapAlarmed: num(r['gap_alarmed']) === 1,
    };
  }

  orders(): OrderRow[] {
    return this.all('SELECT sender FROM receive_order ORDER BY sender').map((r) =>
      this.order(String(r['sender'])),
    );
  }

  putOrder(o: OrderRow): void {
    this.run(
      `INSERT INTO receive_order (sender, next_seq, announced_seq, gap_since_ms, gap_alarmed) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sender) DO UPDATE SET next_seq = excluded.next_seq, announced_seq = excluded.announced_seq,
         gap_since_ms = excluded.gap_since_ms, gap_alarmed = excluded.gap_alarmed`,
      o.sender,
      o.nextSeq,
      o.announcedSeq,
      o.gapSinceMs,
      o.gapAlarmed ? 1 : 0,
    );
  }

  // --- control messages seen (replay guard within the time window) ---

  controlDigest(sender: string, id: string): string | null {
    return strOrNull(
      this.one('SELECT digest FROM seen_control WHERE sender = ? AND id = ?', sender, id)?.['digest'],
    );
  }

  rememberControl(sender: string, id: string, digest: string, atMs: number): void {
    this.run(
      'INSERT INTO seen_control (sender, id, digest, at_ms) VALUES (?, ?, ?, ?)',
      sender,
      id,
      digest,
      atMs,
    );
  }

  /** Forgets control ids seen before `beforeMs` (older messages fail the time window anyway). */
  forgetControl(beforeMs: number): void {
    this.run('DELETE FROM seen_control WHERE at_ms < ?', beforeMs);
  }

  // --- line checks ---

  line(peer: string): LineRow | null {
    const r = this.one('SELECT * FROM lines WHERE peer = ?', peer);
    return r ? lineRow(r) : null;
  }

  putLine(l: LineRow): void {
    this.run(
      `INSERT INTO lines (peer, watch_since_ms, last_sent_ms, last_heard_ms, overdue) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (peer) DO UPDATE SET watch_since_ms = excluded.watch_since_ms, last_sent_ms = excluded.last_sent_ms,
         last_heard_ms = excluded.last_heard_ms, overdue = excluded.overdue`,
      l.peer,
      l.watchSinceMs,
      l.lastSentMs,
      l.lastHeardMs,
      l.overdue ? 1 : 0,
    );
  }

  // --- rejections and alarms ---

  logRejection(r: RejectionRow): void {
    this.transaction(() => {
      this.run(
        'INSERT INTO rejections (at_ms, sender, message_id, reason, detail) VALUES (?, ?, ?, ?, ?)',
        r.atMs,
        r.sender,
        r.messageId,
        r.reason,
        r.detail.slice(0, 1000),
      );
      this.run(
        `INSERT INTO rejection_counts (reason, count) VALUES (?, 1)
         ON CONFLICT (reason) DO UPDATE SET count = count + 1`,
        r.reason,
      );
      this.run('DELETE FROM rejections WHERE n <= (SELECT MAX(n) FROM rejections) - ?', REJECTION_LOG_ROWS);
    });
  }

  rejections(limit = 100): RejectionRow[] {
    return this.all('SELECT * FROM rejections ORDER BY n DESC LIMIT ?', limit)
      .reverse()
      .map((r) => ({
        atMs: num(r['at_ms']),
        sender: strOrNull(r['sender']),
        messageId: strOrNull(r['message_id']),
        reason: String(r['reason']),
        detail: String(r['detail']),
      }));
  }

  rejectionCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.all('SELECT reason, count FROM rejection_counts ORDER BY reason'))
      out[String(r['reason'])] = num(r['count']);
    return out;
  }

  addAlarm(a: Omit<AlarmRow, 'n'>): AlarmRow {
    const info = this.s(
      'INSERT INTO alarms (at_ms, kind, peer, message_id, text) VALUES (?, ?, ?, ?, ?)',
    ).run(a.atMs, a.kind, a.peer, a.messageId, a.text);
    return { n: Number(info.lastInsertRowid), ...a };
  }

  /** Alarms after number `afterN` (0: all), oldest first. */
  alarms(afterN = 0): AlarmRow[] {
    return this.all('SELECT * FROM alarms WHERE n > ? ORDER BY n', afterN).map((r) => ({
      n: num(r['n']),
      atMs: num(r['at_ms']),
      kind: String(r['kind']),
      peer: String(r['peer']),
      messageId: strOrNull(r['message_id']),
      text: String(r['text']),
    }));
  }
}
