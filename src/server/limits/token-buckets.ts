// Token buckets, one per key (a token, a client address, an exchange partner): each
// holds up to `burst` requests and refills at `ratePerS`; a request takes one or is
// refused with the wait until one is back. The clock is injected so tests step time
// instead of sleeping. Keys are bounded: when there are too many, the full buckets
// (idle long enough to have refilled, so forgetting them changes nothing) are dropped,
// then the longest unused.

export interface RateLimit {
  /** Sustained requests per second. */
  ratePerS: number;
  /** Requests that may come at once after a quiet spell. */
  burst: number;
}

export type Admission = { allowed: true } | { allowed: false; retryAfterS: number };

interface Bucket {
  tokens: number;
  atMs: number;
}

/** Keys kept before idle ones are forgotten; pruning goes down to PRUNED_KEYS so it is rare. */
const MAX_KEYS = 10_000;
const PRUNED_KEYS = 9_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: RateLimit;
  private readonly clock: () => number;

  constructor(limit: RateLimit, clock: () => number = () => performance.now()) {
    if (!(limit.ratePerS > 0) || !(limit.burst >= 1))
      throw new RangeError(`a rate limit needs ratePerS > 0 and burst >= 1, got ${JSON.stringify(limit)}`);
    this.limit = limit;
    this.clock = clock;
  }

  take(key: string): Admission {
    const now = this.clock();
    const { ratePerS, burst } = this.limit;
    const held = this.buckets.get(key);
    const tokens = held ? Math.min(burst, held.tokens + ((now - held.atMs) / 1000) * ratePerS) : burst;
    // Re-inserting keeps the map in order of last use, oldest first.
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, atMs: now });
      this.prune(now);
      return { allowed: true };
    }
    this.buckets.set(key, { tokens, atMs: now });
    return { allowed: false, retryAfterS: (1 - tokens) / ratePerS };
  }

  private prune(now: number): void {
    if (this.buckets.size <= MAX_KEYS) return;
    const { ratePerS, burst } = this.limit;
    for (const [key, b] of this.buckets)
      if (b.tokens + ((now - b.atMs) / 1000) * ratePerS >= burst) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= PRUNED_KEYS) break;
      this.buckets.delete(key);
    }
  }
}
