// The exchange's clocks and deadlines, and the retry backoff. Defaults are judgements
// [E]: five minutes of clock skew and transit either side is generous for centres
// whose clocks are set by GPS or NTP; a line check a minute, overdue after three
// missed; an acknowledgement overdue after two minutes (a notification is sent at
// least 24 h ahead, DOMAIN.md §7.1, so two minutes is early enough to do something).

export interface ExchangeTiming {
  /** Oldest issue time accepted, s before the receiver's clock. */
  maxAgeS: number;
  /** Latest issue time accepted, s after the receiver's clock (the sender's clock may run ahead). */
  maxFutureS: number;
  /** Wait after the first transmission before the first retry, s; each later wait doubles. */
  retryFirstS: number;
  /** Longest wait between retries, s. */
  retryMaxS: number;
  /** An ordered message not acknowledged this long after it was sent raises an alarm, s. */
  ackDeadlineS: number;
  /** Line checks go to each partner this often, s. */
  lineCheckEveryS: number;
  /** Nothing heard from a partner for this long raises an alarm, s. */
  lineCheckOverdueS: number;
  /** Messages behind a missing sequence number wait at most this long for it, s. */
  maxHoldS: number;
}

export const DEFAULT_TIMING: Readonly<ExchangeTiming> = {
  maxAgeS: 300,
  maxFutureS: 300,
  retryFirstS: 2,
  retryMaxS: 300,
  ackDeadlineS: 120,
  lineCheckEveryS: 60,
  lineCheckOverdueS: 180,
  maxHoldS: 120,
};

/** Wait after transmission number `attempt` (1 for the first) before the next, ms: exponential, capped. */
export function retryDelayMs(attempt: number, timing: ExchangeTiming): number {
  const s = timing.retryFirstS * 2 ** Math.min(Math.max(attempt - 1, 0), 40);
  return Math.round(Math.min(s, timing.retryMaxS) * 1000);
}
