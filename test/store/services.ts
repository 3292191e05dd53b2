// Tests against outside services (PostgreSQL, NATS): the URL comes from the
// environment; when the service cannot be reached the tests are skipped with a
// message, except under CI=true, where the CI has the services and an unreachable one
// is a failure.
import { connect } from 'node:net';
import { describe, it } from 'vitest';

export const POSTGRES_URL =
  process.env['VIGIL_TEST_POSTGRES_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
export const NATS_URL = process.env['VIGIL_TEST_NATS_URL'] || 'nats://127.0.0.1:4222';

/** null when something accepts TCP connections at the URL's host and port, else why not. */
export function unreachable(url: string, defaultPort: number): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || defaultPort) });
    const done = (reason: string | null) => {
      socket.destroy();
      resolve(reason);
    };
    socket.setTimeout(2000, () => done(`no answer from ${hostname}:${port || defaultPort} within 2 s`));
    socket.once('connect', () => done(null));
    socket.once('error', (err) => done(`${hostname}:${port || defaultPort}: ${err.message}`));
  });
}

/** `describe` when the service is up; otherwise a skip with the reason, or (CI) a failing test. */
export function describeWithService(name: string, problem: string | null, body: () => void): void {
  if (problem === null) {
    describe(name, body);
  } else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has its service reachable (required under CI)', () => {
        throw new Error(`service unreachable: ${problem}`);
      });
    });
  } else {
    console.warn(`skipping "${name}": ${problem}`);
    describe.skip(`${name} (skipped: ${problem})`, body);
  }
}
