// API tokens: random secrets handed out once and kept only as SHA-256 hashes, in a JSON
// file beside the default database (`./vigil-data/tokens.json`, mode 0600, replaced
// whole on every change so a crash never leaves half a file). A token from the
// VIGIL_ADMIN_TOKEN environment variable is an admin for as long as the variable is
// set and is never written down. A hash lookup finds a token, so checking one takes
// the same time whatever it is.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../../scenario/input-error.ts';
import { type Principal, ROLES, type Role } from './roles.ts';

export const TOKEN_PREFIX = 'vigil_';

/** Shortest secret accepted from VIGIL_ADMIN_TOKEN, characters. */
const MIN_ENV_TOKEN_LENGTH = 16;

/** A token as listed: everything but the secret. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  /** `env`: VIGIL_ADMIN_TOKEN; `file`: created by the service. */
  source: 'file' | 'env';
}

interface StoredToken extends TokenInfo {
  hash: string;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export class TokenStore {
  private readonly path: string | null;
  private readonly tokens = new Map<string, StoredToken>();

  /** Tokens kept in `path` (created when absent), or only in memory when null. */
  constructor(path: string | null) {
    this.path = path;
    if (path && existsSync(path)) {
      const data = JSON.parse(readFileSync(path, 'utf8')) as { tokens?: StoredToken[] };
      for (const t of data.tokens ?? []) {
        if (typeof t.hash === 'string' && ROLES.includes(t.role))
          this.tokens.set(t.hash, { ...t, source: 'file' });
      }
    }
  }

  /**
   * Makes sure an admin can get in: the environment's token when given (returns null),
   * otherwise a new admin token when the file holds none (returned, to be shown once).
   */
  ensureAdmin(envToken: string | undefined): string | null {
    if (envToken !== undefined && envToken !== '') {
      if (envToken.length < MIN_ENV_TOKEN_LENGTH)
        throw new InputError({
          source: 'VIGIL_ADMIN_TOKEN',
          path: [],
          message: `too short: an admin token has at least ${MIN_ENV_TOKEN_LENGTH} characters`,
        });
      this.tokens.set(hashOf(envToken), {
        id: 'env-admin',
        name: 'admin',
        role: 'admin',
        createdAt: new Date().toISOString(),
        source: 'env',
        hash: hashOf(envToken),
      });
      return null;
    }
    if ([...this.tokens.values()].some((t) => t.role === 'admin')) return null;
    return this.create('admin', 'admin').token;
  }

  create(name: string, role: Role): { info: TokenInfo; token: string } {
    const token = newSecret();
    const stored: StoredToken = {
      id: randomUUID(),
      name,
      role,
      createdAt: new Date().toISOString(),
      source: 'file',
      hash: hashOf(token),
    };
    this.tokens.set(stored.hash, stored);
    this.save();
    return { info: infoOf(stored), token };
  }

  list(): TokenInfo[] {
    return [...this.tokens.values()].map(infoOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Revokes a file token; false when there is none with that id (the environment's cannot be revoked). */
  revoke(id: string): boolean {
    for (const [hash, t] of this.tokens) {
      if (t.id === id && t.source === 'file') {
        this.tokens.delete(hash);
        this.save();
        return true;
      }
    }
    return false;
  }

  verify(token: string): Principal | null {
    const t = this.tokens.get(hashOf(token));
    return t ? { tokenId: t.id, name: t.name, role: t.role } : null;
  }

  private save(): void {
    if (!this.path) return;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp-${process.pid}`;
    const tokens = [...this.tokens.values()].filter((t) => t.source === 'file');
    writeFileSync(tmp, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}

function infoOf(t: StoredToken): TokenInfo {
  return { id: t.id, name: t.name, role: t.role, createdAt: t.createdAt, source: t.source };
}
