// The handlers `vigil serve` mounts for the exchange: each checks the request body
// and answers, or throws InputError located in the body — never anything else,
// whatever the body (checked with fast-check on arbitrary JSON).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeerFromRequest, exchangeStatus, listPeers, notifyFromRequest } from '../../src/exchange/api.ts';
import { generateKeyPair, publicKeyText } from '../../src/exchange/keys.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import { notification, pair } from './helpers.ts';

function problemsOf(f: () => unknown) {
  try {
    f();
  } catch (err) {
    if (err instanceof InputError) return err.problems.map((p) => [p.source, p.path.join('.'), p.message]);
    throw err;
  }
  throw new Error('expected an InputError');
}

describe('exchange API handlers', () => {
  it('adds and lists partners; a bad key or name is located in the body', () => {
    const { a } = pair();
    const key = publicKeyText(generateKeyPair().publicKey);
    expect(addPeerFromRequest(a, { name: 'C', key, url: 'http://c.example:8080/' })).toMatchObject({
      name: 'C',
      publicKey: key,
      url: 'http://c.example:8080',
      lastHeard: null,
    });
    expect(listPeers(a).map((p) => p.name)).toEqual(['B', 'C']);
    expect(problemsOf(() => addPeerFromRequest(a, { name: 'D', key: 'AAAA' }))[0]!.slice(0, 2)).toEqual([
      'request body',
      'key',
    ]);
    expect(problemsOf(() => addPeerFromRequest(a, { name: 'a b', key }))[0]!.slice(0, 2)).toEqual([
      'request body',
      'name',
    ]);
    expect(problemsOf(() => addPeerFromRequest(a, { name: 'C', key }))[0]![2]).toContain(
      'already registered',
    );
  });

  it('queues a notification and locates what is wrong in it', () => {
    const { a } = pair();
    expect(notifyFromRequest(a, { to: 'B', notification: notification() })).toMatchObject({
      seq: 1,
      to: 'B',
    });
    expect(exchangeStatus(a).outbox).toEqual({ pending: 1, acknowledged: 0 });
    const { window: _w, ...noWindow } = notification();
    expect(problemsOf(() => notifyFromRequest(a, { to: 'B', notification: noWindow }))).toEqual([
      ['request body', 'notification.window', "missing required key 'window'"],
    ]);
    expect(
      problemsOf(() => notifyFromRequest(a, { to: 'Z', notification: notification() }))[0]!.slice(0, 2),
    ).toEqual(['request body', 'to']);
  });

  it('throws nothing but InputError for any JSON body, or any valid notification with one field replaced', () => {
    const { a } = pair();
    const valid = notification();
    const mutated = fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'delivered', 'extra'), value: fc.jsonValue() })
      .map(({ key, value }) => ({ to: 'B', notification: { ...valid, [key]: value } }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), fc.boolean(), (body, which) => {
        try {
          if (which) addPeerFromRequest(a, body);
          else notifyFromRequest(a, body);
          return true;
        } catch (err) {
          return err instanceof InputError;
        }
      }),
      { numRuns: 1000 },
    );
  });
});
