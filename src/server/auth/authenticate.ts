// Who a request is: the bearer token of its Authorization header, or for the
// WebSocket stream (browsers cannot set headers there) the `token` query parameter.
// A route needing a role answers 401 without a valid token and 403 when the token's
// role is too low.
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error.ts';
import { type Principal, type Role, roleAllows } from './roles.ts';
import type { TokenStore } from './token-store.ts';

export function presentedToken(request: FastifyRequest, allowQuery: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1]! : null;
  }
  if (allowQuery) {
    const token = (request.query as Record<string, unknown> | undefined)?.['token'];
    if (typeof token === 'string' && token !== '') return token;
  }
  return null;
}

/** The principal of a request, or throws 401/403 when `needed` is not met. */
export function authorise(
  tokens: TokenStore,
  request: FastifyRequest,
  needed: Role,
  allowQuery = false,
): Principal {
  const token = presentedToken(request, allowQuery);
  if (token === null)
    throw new ApiError(
      401,
      allowQuery
        ? 'a token is required: connect with ?token=<token> or send Authorization: Bearer <token>'
        : 'a token is required: send Authorization: Bearer <token>',
    );
  const principal = tokens.verify(token);
  if (!principal) throw new ApiError(401, 'the token is not valid (unknown or revoked)');
  if (!roleAllows(principal.role, needed))
    throw new ApiError(
      403,
      `this needs the ${needed} role; the token '${principal.name}' is ${principal.role}`,
    );
  return principal;
}
