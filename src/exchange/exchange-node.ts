// One centre's end of the exchange (issue 9): it signs and numbers what the centre
// sends, keeps it in the outbox until the partner acknowledges it (retrying with
// exponential backoff), checks everything it receives — partner known, signature
// good, addressed here, issued within the time window, not a replay — stores what
// passes before acknowledging it, releases ordered messages to the centre in sequence
// order (holding later ones behind a gap for a bounded time) and hands each over until
// the centre confirms it (at least once, across a crash), sends line checks, and
// raises alarms when a line check or an acknowledgement is overdue or a message is
// missing. Every rejection is logged with its reason and counted.
//
// Synchronous and transport-free: `receive(bytes)` is the handler for any transport
// (HTTP route, bus consumer, simulated link); `due()` hands out what to transmit now.
// Time comes from `clock` (ms since the Unix epoch), so a simulation can drive it.
import { createHash, createPublicKey, type KeyObject, randomUUID } from 'node:crypto';
import { canonicalJson } from '../centre/audit/canonical-json.ts';
import { InputError, type InputProblem } from '../scenario/input-error.ts';
import { scenarioErrorMap } from '../scenario/issue-messages.ts';
import { issueProblems } from '../scenario/issue-problems.ts';
import { ID_PATTERN } from '../scenario/schema-fields.ts';
import { checkUtcInstant } from '../scenario/utc-instant.ts';
import {
  decodeEnvelope,
  type Envelope,
  encodeEnvelope,
  instantText,
  signatureValid,
  signEnvelope,
  type UnsignedEnvelope,
} from './envelope.ts';
import type {
  ExchangeStore,
  InboxRow,
  LineRow,
  OrderRow,
  OutboxRow,
  PeerRow,
  RejectionRow,
} from './exchange-store.ts';
import { fingerprint, parsePublicKey, publicKeyText } from './keys.ts';
import {
  type BodyType,
  bodySchema,
  describeBody,
  isOrdered,
  type MessageBody,
  type OrderedBody,
} from './messages.ts';
import { DEFAULT_TIMING, type ExchangeTiming, retryDelayMs } from './timing.ts';

export const REJECT_REASONS = [
  'malformed',
  'unknown-sender',
  'bad-signature',
  'wrong-recipient',
  'stale',
  'from-future',
  'duplicate',
  'replayed-id',
  'replayed-sequence',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface Receipt {
  status: 'accepted' | 'rejected';
  reason: RejectReason | null;
  /** The message's id and claimed sender, when it got far enough to have them. */
  messageId: string | null;
  from: string | null;
  detail: string;
  /** The signed acknowledgement owed to the sender (a new ordered message, or a repeat of a stored one). */
  ack: Envelope | null;
  /** For a malformed message: each problem, located. */
  problems: InputProblem[];
}

export const ALARM_KINDS = [
  'ack-overdue',
  'acknowledged-late',
  'line-check-overdue',
  'line-restored',
  'sequence-gap',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface Alarm {
  n: number;
  atMs: number;
  kind: AlarmKind;
  peer: string;
  messageId: string | null;
  text: string;
}

/** A message to put on the wire now. */
export interface Outgoing {
  peer: string;
  messageId: string;
  type: BodyType;
  seq: number | null;
  /** 1 for the first transmission of an ordered message; 1 for every control message. */
  attempt: number;
  envelope: Envelope;
  bytes: Uint8Array;
}

/** An ordered message released to the centre. */
export interface Delivered {
  from: string;
  id: string;
  seq: number;
  issuedAt: string;
  receivedAtMs: number;
  releasedAtMs: number;
  body: OrderedBody;
}

export interface ExchangeNodeOptions {
  centreId: string;
  privateKey: KeyObject;
  store: ExchangeStore;
  /** ms since the Unix epoch (default: the wall clock). */
  clock?: () => number;
  /** Message ids (default: random UUIDs). */
  newId?: () => string;
  timing?: Partial<ExchangeTiming>;
  /** Line checks are sent and watched from this instant on, ms (default: now). */
  linesFromMs?: number;
}

export interface ExchangeStatus {
  centreId: string;
  publicKeyFingerprint: string;
  peers: Array<PeerRow & { fingerprint: string; line: LineRow | null }>;
  outbox: { pending: number; acknowledged: number };
  inbox: { stored: number; held: number; untaken: number };
  rejections: Record<string, number>;
  alarms: number;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class ExchangeNode {
  readonly centreId: string;
  readonly timing: Readonly<ExchangeTiming>;
  readonly publicKey: KeyObject;
  private readonly privateKey: KeyObject;
  private readonly store: ExchangeStore;
  private readonly clock: () => number;
  private readonly newId: () => string;
  private readonly linesFromMs: number;
  private readonly keys = new Map<string, KeyObject>();

  constructor(options: ExchangeNodeOptions) {
    this.centreId = options.centreId;
    this.privateKey = options.privateKey;
    this.publicKey = createPublicKey(options.privateKey);
    this.store = options.store;
    this.clock = options.clock ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.linesFromMs = options.linesFromMs ?? this.clock();
    this.store.claim(this.centreId);
  }

  // --- partners ---

  /** Registers a partner's public key (base64 or PEM) and optional base URL; InputError when bad or taken. */
  addPeer(name: string, key: string, url: string | null = null): PeerRow {
    const source = `peer ${name}`;
    if (!ID_PATTERN.test(name))
      throw new InputError({
        source,
        path: ['name'],
        message: `a centre id is 1-64 letters, digits, '_', '.', ':' or '-'`,
      });
    if (name === this.centreId)
      throw new InputError({ source, path: ['name'], message: `'${name}' is this centre itself` });
    const publicKey = parsePublicKey(key, source);
    if (url !== null && !/^https?:\/\/[^\s]+$/.test(url))
      throw new InputError({
        source,
        path: ['url'],
        message: `expected an http:// or https:// base URL, got '${url}'`,
      });
    if (this.store.peer(name))
      throw new InputError({
        source,
        path: ['name'],
        message: `'${name}' is already registered; remove it first`,
      });
    const row: PeerRow = {
      name,
      publicKey: publicKeyText(publicKey),
      url: url?.replace(/\/+$/, '') ?? null,
      addedAtMs: this.clock(),
    };
    this.store.addPeer(row);
    this.keys.delete(name);
    return row;
  }

  removePeer(name: string): boolean {
    this.keys.delete(name);
    return this.store.removePeer(name);
  }

  peers(): PeerRow[] {
    return this.store.peers();
  }

  private keyOf(name: string): KeyObject | null {
    const cached = this.keys.get(name);
    if (cached) return cached;
    const peer = this.store.peer(name);
    if (!peer) return null;
    const key = parsePublicKey(peer.publicKey, `peer ${name}`);
    this.keys.set(name, key);
    return key;
  }

  // --- sending ---

  /**
   * Queues an ordered message (a notification or a launch report) for `peer`: checked,
   * numbered and stored in the outbox in one transaction, so once this returns the
   * message will be sent, and retried until acknowledged, even across a restart.
   */
  send(peer: string, body: unknown): { id: string; seq: number } {
    if (!this.store.peer(peer))
      throw new InputError({ source: 'send', path: ['to'], message: `no partner '${peer}' is registered` });
    const checked = bodySchema.safeParse(body, { error: scenarioErrorMap });
    if (!checked.success)
      throw new InputError(
        issueProblems(checked.error.issues, 'send').map((p) => ({ ...p, path: ['body', ...p.path] })),
      );
    if (!isOrdered(checked.data))
      throw new InputError({
        source: 'send',
        path: ['body', 'type'],
        message: `a ${checked.data.type} is not sent on its own`,
      });
    const now = this.clock();
    const id = this.newId();
    const seq = this.store.transaction(() => {
      const n = this.store.takeSeq(peer);
      this.store.insertOutbox({
        id,
        peer,
        seq: n,
        body: canonicalJson(checked.data),
        createdAtMs: now,
        attempts: 0,
        nextAttemptMs: now,
        lastAttemptMs: null,
        ackedAtMs: null,
        ackAlarmed: false,
        lastError: null,
      });
      return n;
    });
    return { id, seq };
  }

  /**
   * What to transmit now: ordered messages due (first sends and retries, each signed
   * afresh with the current time, same id and number) and line checks due. Each
   * attempt is recorded before it is handed out, so a failed or lost transmission is
   * retried after the backoff whatever the transport does.
   */
  due(): Outgoing[] {
    const now = this.clock();
    const out: Outgoing[] = [];
    for (const row of this.store.dueOutbox(now)) {
      const attempt = row.attempts + 1;
      this.store.recordAttempt(row.id, now, now + retryDelayMs(attempt, this.timing));
      const body = JSON.parse(row.body) as MessageBody;
      out.push(this.outgoing(row.peer, row.id, row.seq, body, attempt, now));
    }
    if (now >= this.linesFromMs) {
      for (const peer of this.store.peers()) {
        const line = this.lineOf(peer.name, now);
        if (line.lastSentMs !== null && now - line.lastSentMs < this.timing.lineCheckEveryS * 1000) continue;
        this.store.putLine({ ...line, lastSentMs: now });
        const body: MessageBody = {
          type: 'line-check',
          intervalS: this.timing.lineCheckEveryS,
          lastSeq: this.store.lastSeq(peer.name),
        };
        out.push(this.outgoing(peer.name, this.newId(), null, body, 1, now));
      }
    }
    return out;
  }

  private outgoing(
    peer: string,
    id: string,
    seq: number | null,
    body: MessageBody,
    attempt: number,
    now: number,
  ): Outgoing {
    const envelope = this.sign({
      v: 1,
      id,
      from: this.centreId,
      to: peer,
      seq,
      issuedAt: instantText(now),
      body,
    });
    return { peer, messageId: id, type: body.type, seq, attempt, envelope, bytes: encodeEnvelope(envelope) };
  }

  private sign(e: UnsignedEnvelope): Envelope {
    return signEnvelope(e, this.privateKey);
  }

  /** Notes why a transmission did not get through (shown in the outbox; the retry is already scheduled). */
  noteFailure(messageId: string, error: string): void {
    this.store.noteOutboxError(messageId, error);
  }

  // --- receiving ---

  /**
   * Checks and takes one message as received (bytes, text or parsed JSON). Never
   * throws for bad input: the receipt says accepted or rejected with the reason, and
   * carries the signed acknowledgement to return when one is owed.
   */
  receive(input: Uint8Array | string | unknown): Receipt {
    const now = this.clock();
    let decoded: ReturnType<typeof decodeEnvelope>;
    try {
      decoded = decodeEnvelope(input);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const claimed = claimedHeader(input);
      return this.reject(now, 'malformed', claimed.from, claimed.id, firstLine(err), [...err.problems]);
    }
    const { raw: e, body } = decoded;
    const key = this.keyOf(e.from);
    if (!key) return this.reject(now, 'unknown-sender', e.from, e.id, `no partner '${e.from}' is registered`);
    if (!signatureValid(e, key))
      return this.reject(
        now,
        'bad-signature',
        e.from,
        e.id,
        `the signature does not verify with ${e.from}'s key`,
      );
    if (e.to !== this.centreId)
      return this.reject(
        now,
        'wrong-recipient',
        e.from,
        e.id,
        `addressed to '${e.to}', not '${this.centreId}'`,
      );
    const issued = checkUtcInstant(e.issuedAt);
    const issuedMs = 'unixMs' in issued ? issued.unixMs : Number.NaN;
    if (now - issuedMs > this.timing.maxAgeS * 1000)
      return this.reject(
        now,
        'stale',
        e.from,
        e.id,
        `issued ${Math.round((now - issuedMs) / 1000)} s ago (window ${this.timing.maxAgeS} s)`,
      );
    if (issuedMs - now > this.timing.maxFutureS * 1000)
      return this.reject(
        now,
        'from-future',
        e.from,
        e.id,
        `issued ${Math.round((issuedMs - now) / 1000)} s ahead of this clock (window ${this.timing.maxFutureS} s)`,
      );
    const digest = sha256(canonicalJson({ to: e.to, seq: e.seq, body: e.body }));
    return isOrdered(body)
      ? this.receiveOrdered(e, body, digest, now)
      : this.receiveControl(e, body, digest, now);
  }

  private receiveOrdered(e: Envelope, body: OrderedBody, digest: string, now: number): Receipt {
    const seq = e.seq!;
    const sameId = this.store.inboxById(e.from, e.id);
    if (sameId) {
      if (sameId.digest !== digest)
        return this.reject(
          now,
          'replayed-id',
          e.from,
          e.id,
          `message id ${e.id} was already used for another message`,
        );
      // A retransmission (our acknowledgement was lost) or a replay: never delivered twice, acknowledged again.
      this.heard(e.from, now);
      return this.reject(
        now,
        'duplicate',
        e.from,
        e.id,
        `${describeBody(body)} #${seq} is already stored`,
        [],
        this.ackFor(e, now),
      );
    }
    const sameSeq = this.store.inboxBySeq(e.from, seq);
    if (sameSeq)
      return this.reject(
        now,
        'replayed-sequence',
        e.from,
        e.id,
        `sequence number ${seq} was already used by message ${sameSeq.id}`,
      );
    let late = false;
    this.store.transaction(() => {
      const order = this.store.order(e.from);
      // Below the release mark: its gap was given up on; deliver it now, late.
      late = seq < order.nextSeq;
      this.store.insertInbox({
        sender: e.from,
        id: e.id,
        seq,
        issuedAt: e.issuedAt,
        body: canonicalJson(e.body),
        digest,
        receivedAtMs: now,
        releasedAtMs: late ? now : null,
        takenAtMs: null,
      });
      if (!late) {
        order.announcedSeq = Math.max(order.announcedSeq, seq);
        this.releaseInOrder(order, now);
      }
      this.store.putOrder(order);
    });
    this.heard(e.from, now);
    return {
      status: 'accepted',
      reason: null,
      messageId: e.id,
      from: e.from,
      detail: `${describeBody(body)} #${seq} stored${late ? ' (late: released out of order)' : ''}`,
      ack: this.ackFor(e, now),
      problems: [],
    };
  }

  private receiveControl(e: Envelope, body: MessageBody, digest: string, now: number): Receipt {
    const seen = this.store.controlDigest(e.from, e.id);
    if (seen !== null)
      return this.reject(
        now,
        seen === digest ? 'duplicate' : 'replayed-id',
        e.from,
        e.id,
        `${describeBody(body)} ${e.id} already received`,
      );
    let detail = describeBody(body);
    this.store.transaction(() => {
      this.store.rememberControl(e.from, e.id, digest, now);
      if (body.type === 'ack') detail = this.takeAck(e.from, body.ackId, body.ackSeq, now);
      else if (body.type === 'line-check') {
        const order = this.store.order(e.from);
        order.announcedSeq = Math.max(order.announcedSeq, body.lastSeq);
        this.updateGap(order, now);
        this.store.putOrder(order);
      }
    });
    this.heard(e.from, now);
    return {
      status: 'accepted',
      reason: null,
      messageId: e.id,
      from: e.from,
      detail,
      ack: null,
      problems: [],
    };
  }

  private takeAck(peer: string, id: string, seq: number, now: number): string {
    const row = this.store.outboxMessage(id);
    if (!row || row.peer !== peer || row.seq !== seq)
      return `ack of ${id}, which is not ours to ${peer}: ignored`;
    if (row.ackedAtMs !== null) return `ack of ${id} #${seq} (already acknowledged)`;
    this.store.markAcked(id, now);
    if (row.ackAlarmed)
      this.alarm(
        now,
        'acknowledged-late',
        peer,
        id,
        `${peer} acknowledged message ${id} #${seq} after ${Math.round((now - row.createdAtMs) / 1000)} s`,
      );
    return `ack of ${id} #${seq}`;
  }

  private ackFor(e: Envelope, now: number): Envelope {
    return this.sign({
      v: 1,
      id: this.newId(),
      from: this.centreId,
      to: e.from,
      seq: null,
      issuedAt: instantText(now),
      body: { type: 'ack', ackId: e.id, ackSeq: e.seq! },
    });
  }

  private reject(
    now: number,
    reason: RejectReason,
    from: string | null,
    messageId: string | null,
    detail: string,
    problems: InputProblem[] = [],
    ack: Envelope | null = null,
  ): Receipt {
    this.store.logRejection({ atMs: now, sender: from, messageId, reason, detail });
    return { status: 'rejected', reason, messageId, from, detail, ack, problems };
  }

  /** Releases the held messages that now follow in sequence. */
  private releaseInOrder(order: OrderRow, now: number): void {
    for (;;) {
      const next = this.store.inboxBySeq(order.sender, order.nextSeq);
      if (!next) break;
      if (next.releasedAtMs === null) this.store.release(order.sender, order.nextSeq, now);
      order.nextSeq++;
    }
    this.updateGap(order, now);
  }

  private updateGap(order: OrderRow, now: number): void {
    const gap = order.announcedSeq >= order.nextSeq;
    if (gap && order.gapSinceMs === null) {
      order.gapSinceMs = now;
      order.gapAlarmed = false;
    } else if (!gap) {
      order.gapSinceMs = null;
      order.gapAlarmed = false;
    }
  }

  // --- line state ---

  private lineOf(peer: string, now: number): LineRow {
    return (
      this.store.line(peer) ?? {
        peer,
        watchSinceMs: Math.max(now, this.linesFromMs),
        lastSentMs: null,
        lastHeardMs: null,
        overdue: false,
      }
    );
  }

  /** Any authenticated message in the window shows the line is alive. */
  private heard(peer: string, now: number): void {
    const line = this.lineOf(peer, now);
    if (line.overdue)
      this.alarm(
        now,
        'line-restored',
        peer,
        null,
        `line to ${peer} restored after ${Math.round((now - silentSince(line)) / 1000)} s of silence`,
      );
    this.store.putLine({ ...line, lastHeardMs: now, overdue: false });
  }

  // --- deadlines ---

  /**
   * Checks every deadline at the current time: acknowledgements overdue, partners
   * silent too long, gaps held too long (the held messages are then released past the
   * gap). Returns the alarms raised now.
   */
  tick(): Alarm[] {
    const now = this.clock();
    const raised: Alarm[] = [];
    const t = this.timing;
    this.store.transaction(() => {
      for (const row of this.store.pendingOutbox()) {
        if (row.ackAlarmed || now - row.createdAtMs < t.ackDeadlineS * 1000) continue;
        this.store.markAckAlarmed(row.id);
        const body = JSON.parse(row.body) as MessageBody;
        raised.push(
          this.alarm(
            now,
            'ack-overdue',
            row.peer,
            row.id,
            `${row.peer} has not acknowledged ${describeBody(body)} #${row.seq} after ${Math.round((now - row.createdAtMs) / 1000)} s and ${row.attempts} transmission${row.attempts === 1 ? '' : 's'}${row.lastError ? ` (last: ${row.lastError})` : ''}`,
          ),
        );
      }
      if (now >= this.linesFromMs) {
        for (const peer of this.store.peers()) {
          const line = this.lineOf(peer.name, now);
          const since = silentSince(line);
          if (!line.overdue && now - since >= t.lineCheckOverdueS * 1000) {
            raised.push(
              this.alarm(
                now,
                'line-check-overdue',
                peer.name,
                null,
                `nothing heard from ${peer.name} for ${Math.round((now - since) / 1000)} s: line check overdue`,
              ),
            );
            this.store.putLine({ ...line, overdue: true });
          } else if (!this.store.line(peer.name)) this.store.putLine(line);
        }
      }
      for (const order of this.store.orders()) {
        if (order.gapSinceMs === null || now - order.gapSinceMs < t.maxHoldS * 1000) continue;
        const held = this.store.heldSeqs(order.sender);
        const lastMissing = held.length > 0 ? held[0]! - 1 : order.announcedSeq;
        if (!order.gapAlarmed) {
          const range =
            lastMissing > order.nextSeq ? `#${order.nextSeq}–#${lastMissing}` : `#${order.nextSeq}`;
          raised.push(
            this.alarm(
              now,
              'sequence-gap',
              order.sender,
              null,
              `message ${range} from ${order.sender} missing for ${Math.round((now - order.gapSinceMs) / 1000)} s${held.length > 0 ? `; releasing the ${held.length} held behind it` : ''}`,
            ),
          );
        }
        if (held.length > 0) {
          order.nextSeq = held[0]!;
          order.gapSinceMs = null;
          this.releaseInOrder(order, now);
        } else order.gapAlarmed = true;
        this.store.putOrder(order);
      }
      this.store.forgetControl(now - (t.maxAgeS + t.maxFutureS) * 1000 - 60_000);
    });
    return raised;
  }

  /** The earliest instant something is due (a transmission, a line check, a deadline), ms; null when nothing is. */
  nextWakeMs(): number | null {
    const t = this.timing;
    const times: number[] = [];
    for (const row of this.store.pendingOutbox()) {
      times.push(row.nextAttemptMs);
      if (!row.ackAlarmed) times.push(row.createdAtMs + t.ackDeadlineS * 1000);
    }
    const now = this.clock();
    for (const peer of this.store.peers()) {
      const line = this.lineOf(peer.name, now);
      times.push(
        line.lastSentMs === null
          ? Math.max(now, this.linesFromMs)
          : line.lastSentMs + t.lineCheckEveryS * 1000,
      );
      if (!line.overdue)
        times.push(Math.max(this.linesFromMs, silentSince(line) + t.lineCheckOverdueS * 1000));
    }
    for (const order of this.store.orders())
      if (order.gapSinceMs !== null && (!order.gapAlarmed || this.store.heldSeqs(order.sender).length > 0))
        times.push(order.gapSinceMs + t.maxHoldS * 1000);
    return times.length > 0 ? Math.min(...times) : null;
  }

  // --- for the centre ---

  /**
   * Ordered messages released to the centre and not yet confirmed, in release order.
   * Taking marks nothing: the same messages come again (from the store, also to a new
   * node after a crash) until the caller, having acted on them, passes them to
   * confirmTaken() — at least once, so the caller acts in a way a repeat cannot harm.
   */
  take(): Delivered[] {
    return this.store.untaken().map((row) => ({
      from: row.sender,
      id: row.id,
      seq: row.seq,
      issuedAt: row.issuedAt,
      receivedAtMs: row.receivedAtMs,
      releasedAtMs: row.releasedAtMs!,
      body: bodySchema.parse(JSON.parse(row.body)) as OrderedBody,
    }));
  }

  /** Marks taken messages as handled (by sender and id): take() hands them out no more. */
  confirmTaken(messages: ReadonlyArray<{ from: string; id: string }>): void {
    const now = this.clock();
    this.store.transaction(() => {
      for (const m of messages) this.store.markTaken(m.from, m.id, now);
    });
  }

  /** Whether the partner has acknowledged our message `id`. */
  acknowledged(id: string): boolean {
    const row = this.store.outboxMessage(id);
    return row !== null && row.ackedAtMs !== null;
  }

  outbox(): OutboxRow[] {
    return this.store.outbox();
  }

  inbox(): InboxRow[] {
    return this.store.inbox();
  }

  rejections(limit = 100): RejectionRow[] {
    return this.store.rejections(limit);
  }

  private alarm(atMs: number, kind: AlarmKind, peer: string, messageId: string | null, text: string): Alarm {
    return this.store.addAlarm({ atMs, kind, peer, messageId, text }) as Alarm;
  }

  alarms(afterN = 0): Alarm[] {
    return this.store.alarms(afterN) as Alarm[];
  }

  status(): ExchangeStatus {
    const outbox = this.store.outbox();
    const inbox = this.store.inbox();
    return {
      centreId: this.centreId,
      publicKeyFingerprint: fingerprint(this.publicKey),
      peers: this.store.peers().map((p) => ({
        ...p,
        fingerprint: fingerprint(parsePublicKey(p.publicKey, `peer ${p.name}`)),
        line: this.store.line(p.name),
      })),
      outbox: {
        pending: outbox.filter((r) => r.ackedAtMs === null).length,
        acknowledged: outbox.filter((r) => r.ackedAtMs !== null).length,
      },
      inbox: {
        stored: inbox.length,
        held: inbox.filter((r) => r.releasedAtMs === null).length,
        untaken: inbox.filter((r) => r.releasedAtMs !== null && r.takenAtMs === null).length,
      },
      rejections: this.store.rejectionCounts(),
      alarms: this.store.alarms().length,
    };
  }
}

/** Since when the partner has been silent, as far as this watch goes (it starts at watchSinceMs). */
function silentSince(line: LineRow): number {
  return Math.max(line.lastHeardMs ?? line.watchSinceMs, line.watchSinceMs);
}

function firstLine(err: InputError): string {
  const p = err.problems[0];
  if (!p) return 'malformed';
  const where = p.path.length > 0 ? `${p.path.join('.')}: ` : '';
  return `${where}${p.message}${err.problems.length > 1 ? ` (and ${err.problems.length - 1} more)` : ''}`;
}

/** The sender and id a malformed message claims, for the log (never trusted for anything else). */
function claimedHeader(input: unknown): { from: string | null; id: string | null } {
  let value = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    try {
      value = JSON.parse(typeof input === 'string' ? input : Buffer.from(input).toString('utf8'));
    } catch {
      return { from: null, id: null };
    }
  }
  if (typeof value !== 'object' || value === null) return { from: null, id: null };
  const r = value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 64) : null);
  return { from: text(r['from']), id: text(r['id']) };
}
