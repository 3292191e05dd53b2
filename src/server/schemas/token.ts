// Tokens over the API (admin), the caller's own identity, and the service's health.
import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';
import { isoInstant } from './common.ts';

export const tokenInfoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: isoInstant,
    source: z
      .enum(['file', 'env'])
      .meta({ description: 'env: VIGIL_ADMIN_TOKEN; file: created by the service.' }),
  })
  .meta({ id: 'Token', description: 'A token without its secret.' });

export const createTokenBody = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _.@:-]{0,63}$/, {
      error: "a token name is 1-64 letters, digits, spaces, '_', '.', '@', ':' or '-'",
    })
    .meta({ description: 'Who holds it; acknowledgements and comments are signed with it.' }),
  role: z.enum(ROLES),
});

export const createdTokenSchema = z
  .object({
    token: z.string().meta({ description: 'The secret: shown this once, kept only as a hash.' }),
    info: tokenInfoSchema,
  })
  .meta({ id: 'CreatedToken' });

export const tokenIdParams = z.strictObject({ tokenId: z.string().min(1).max(100) });

export const meSchema = z
  .object({ name: z.string(), role: z.enum(ROLES), tokenId: z.string() })
  .meta({ id: 'Me', description: 'Who the token is.' });

export const healthSchema = z.object({ status: z.literal('ok'), uptimeS: z.number() }).meta({ id: 'Health' });

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'starting', 'stopping', 'unavailable']),
    store: z.string(),
    bus: z.string(),
    liveRuns: z.int(),
    message: z.string().optional(),
  })
  .meta({ id: 'Readiness' });
