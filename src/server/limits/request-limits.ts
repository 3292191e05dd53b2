// The service's request-rate limits (issue 9, "Limits"): every request to the API
// (/api, /ws, /exchange) takes one from a token bucket — its token's when it presents
// a valid one, else its client address's, so a flood of made-up tokens is one
// address. The exchange inbox, which has no token, also takes one from the bucket of
// the registered partner the message claims to come from. A refused request is
// answered 429 `too-many-requests` with Retry-After (whole seconds) before its body is
// read. Messages a client sends on the stream take from its token's bucket too. Static files, /docs, /openapi.json, /health and /ready are not limited: they
// are cheap, and a probe must not see a busy service as a dead one. The counts of
// refused requests (and of bodies over their limit) are shown by GET /api/status.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { presentedToken } from '../auth/authenticate.ts';
import type { Principal } from '../auth/roles.ts';
import type { TokenStore } from '../auth/token-store.ts';
import { ApiError } from '../http/api-error.ts';
import { type RateLimit, TokenBuckets } from './token-buckets.ts';

export const DEFAULT_RATE_LIMIT: RateLimit = { ratePerS: 50, burst: 100 };

const LIMITED_PATH = /^\/(api|ws|exchange)(\/|$)/;

type Kind = keyof LimitCounts['limited'];

export interface LimitCounts {
  /** Requests refused by rate, by whose bucket was empty. */
  limited: { token: number; address: number; sender: number };
  /** Bodies refused for their size (413). */
  tooLarge: number;
}

export class RequestLimits {
  readonly rate: RateLimit | null;
  readonly counts: LimitCounts = { limited: { token: 0, address: 0, sender: 0 }, tooLarge: 0 };
  private readonly buckets: TokenBuckets | null;
  private readonly tokens: TokenStore;

  /** `rate` null: nothing is rate-limited (sizes still are), only counted. */
  constructor(tokens: TokenStore, rate: RateLimit | null, clock?: () => number) {
    this.tokens = tokens;
    this.rate = rate;
    this.buckets = rate ? new TokenBuckets(rate, clock) : null;
  }

  /** The onRequest hook: 429 when the caller's bucket is empty. */
  readonly onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!this.buckets || !LIMITED_PATH.test(request.url.split('?')[0]!)) return;
    const token = presentedToken(request, true);
    const principal = token === null ? null : this.tokens.verify(token);
    if (principal) this.admit('token', `token:${principal.tokenId}`, reply);
    else this.admit('address', `address:${request.ip}`, reply);
  };

  /**
   * The exchange inbox's second check, by the registered partner a message claims to
   * be from (forgeries under its name share its bucket; the signature check still
   * refuses them).
   */
  admitSender(sender: string, reply: FastifyReply): void {
    this.admit('sender', `sender:${sender}`, reply);
  }

  /** A message on the stream from `principal`: null when admitted, else why not. */
  streamMessage(principal: Principal): string | null {
    const retryAfterS = this.take('token', `token:${principal.tokenId}`);
    return retryAfterS === null ? null : this.refusal('messages', 'token', retryAfterS);
  }

  /** Throws ApiError 429, with Retry-After set on the reply, when the bucket is empty. */
  private admit(kind: Kind, key: string, reply: FastifyReply): void {
    const retryAfterS = this.take(kind, key);
    if (retryAfterS === null) return;
    reply.header('retry-after', String(retryAfterS));
    throw new ApiError(429, this.refusal('requests', kind, retryAfterS));
  }

  /** null when admitted, else the whole seconds to wait (and the refusal counted). */
  private take(kind: Kind, key: string): number | null {
    const admission = this.buckets?.take(key) ?? { allowed: true };
    if (admission.allowed) return null;
    this.counts.limited[kind]++;
    return Math.max(1, Math.ceil(admission.retryAfterS));
  }

  private refusal(what: 'requests' | 'messages', kind: Kind, retryAfterS: number): string {
    return `too many ${what} from this ${kind}: at most ${this.rate!.ratePerS} a second (bursts of ${this.rate!.burst}); retry after ${retryAfterS} s`;
  }
}
