// Ed25519 keys of the exchange (RFC 8032, through node:crypto): each centre signs
// what it sends with its private key and holds each partner's public key. A public
// key travels as the base64 of its 32 raw bytes — one short line an operator can
// read out over a telephone and compare — and is also accepted as a PEM file. The
// private key is a PKCS#8 PEM file readable by its owner only (mode 0600).
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../scenario/input-error.ts';

const RAW_KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateKeyPair(): KeyPair {
  return generateKeyPairSync('ed25519');
}

/** The 32 raw bytes of an Ed25519 public key as standard base64 (44 characters). */
export function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

/** First 16 hex digits of the SHA-256 of the raw public key: a name to compare keys by. */
export function fingerprint(key: KeyObject): string {
  return createHash('sha256')
    .update(Buffer.from(publicKeyText(key), 'base64'))
    .digest('hex')
    .slice(0, 16);
}

/**
 * An Ed25519 public key from base64 of its 32 raw bytes (standard or URL alphabet) or
 * from SPKI PEM text; InputError naming `source` otherwise.
 */
export function parsePublicKey(text: string, source: string): KeyObject {
  const trimmed = text.trim();
  const bad = (message: string): never => {
    throw new InputError({ source, path: [], message });
  };
  if (trimmed.startsWith('-----BEGIN')) {
    let key: KeyObject;
    try {
      key = createPublicKey(trimmed);
    } catch {
      return bad('not a readable PEM public key');
    }
    if (key.asymmetricKeyType !== 'ed25519')
      bad(`an exchange key is Ed25519; this one is ${key.asymmetricKeyType ?? 'of an unknown type'}`);
    return key;
  }
  if (!BASE64.test(trimmed)) bad('expected an Ed25519 public key: base64 of 32 bytes, or a PEM file');
  const raw = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (raw.length !== RAW_KEY_BYTES)
    bad(`an Ed25519 public key is ${RAW_KEY_BYTES} bytes; this base64 holds ${raw.length}`);
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

/** A private key from PKCS#8 PEM text; InputError naming `source` otherwise. */
export function parsePrivateKey(text: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(text);
  } catch {
    throw new InputError({ source, path: [], message: 'not a readable PEM private key' });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new InputError({ source, path: [], message: 'an exchange key is Ed25519' });
  return key;
}

/** Reads a file named on the command line or in a request; InputError when it cannot. */
export function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(err);
    throw new InputError({ source: path, path: [], message: `cannot read: ${reason}` });
  }
}

export interface WrittenKeyPair {
  privatePath: string;
  publicPath: string;
  publicKey: string;
  fingerprint: string;
}

/**
 * Writes `<dir>/<name>.key` (PKCS#8 PEM, mode 0600, created with that mode so it is
 * never readable by others even for a moment) and `<dir>/<name>.pub` (the base64
 * line). Refuses to overwrite an existing private key.
 */
export function writeKeyPair(dir: string, name: string, pair: KeyPair = generateKeyPair()): WrittenKeyPair {
  mkdirSync(dir, { recursive: true });
  const privatePath = join(dir, `${name}.key`);
  const publicPath = join(dir, `${name}.pub`);
  const pem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  try {
    writeFileSync(privatePath, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new InputError({
        source: privatePath,
        path: [],
        message: 'a private key is already there; remove it first to make a new one',
      });
    throw err;
  }
  // The umask may have narrowed the mode further; never wider than 0600.
  chmodSync(privatePath, 0o600);
  const text = publicKeyText(pair.publicKey);
  writeFileSync(publicPath, `${text}\n`, { mode: 0o644 });
  return { privatePath, publicPath, publicKey: text, fingerprint: fingerprint(pair.publicKey) };
}
