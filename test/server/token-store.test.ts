// The token file: secrets shown once and kept only as SHA-256 hashes, an admin made
// on the first start (or taken from VIGIL_ADMIN_TOKEN), revocations kept.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/input-error.ts';
import { roleAllows } from '../../src/server/auth/roles.ts';
import { TokenStore } from '../../src/server/auth/token-store.ts';

function tokenFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'vigil-tokens-')), 'nested', 'tokens.json');
}

describe('the token store', () => {
  it('makes an admin token on the first start only, and keeps only its hash', () => {
    const path = tokenFile();
    const first = new TokenStore(path).ensureAdmin(undefined);
    expect(first).toMatch(/^vigil_[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(first!);
    expect(text).toContain(createHash('sha256').update(first!).digest('hex'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = new TokenStore(path);
    expect(again.ensureAdmin(undefined)).toBeNull();
    expect(again.verify(first!)).toMatchObject({ name: 'admin', role: 'admin' });
  });

  it('takes the admin token from the environment without writing it down', () => {
    const path = tokenFile();
    const env = 'an-environment-admin-token';
    const store = new TokenStore(path);
    expect(store.ensureAdmin(env)).toBeNull();
    expect(store.verify(env)).toMatchObject({ tokenId: 'env-admin', role: 'admin' });
    expect(store.revoke('env-admin')).toBe(false);
    expect(new TokenStore(path).verify(env)).toBeNull();
    expect(() => store.ensureAdmin('short')).toThrow(InputError);
  });

  it('keeps created tokens and revocations across restarts', () => {
    const path = tokenFile();
    const store = new TokenStore(path);
    const a = store.create('alice', 'operator');
    const b = store.create('bob', 'observer');
    expect(store.revoke(a.info.id)).toBe(true);
    const reopened = new TokenStore(path);
    expect(reopened.verify(a.token)).toBeNull();
    expect(reopened.verify(b.token)).toEqual({ tokenId: b.info.id, name: 'bob', role: 'observer' });
    expect(reopened.list().map((t) => t.name)).toEqual(['bob']);
    expect(reopened.verify('vigil_guess')).toBeNull();
  });

  it('orders the roles observer < operator < admin', () => {
    expect(roleAllows('admin', 'operator')).toBe(true);
    expect(roleAllows('operator', 'operator')).toBe(true);
    expect(roleAllows('operator', 'admin')).toBe(false);
    expect(roleAllows('observer', 'operator')).toBe(false);
  });
});
