// A small client of the service's API, for `vigil run --live` and the tests: JSON over
// HTTP with a bearer token, errors turned back into what the server said, and the
// WebSocket stream's URL.
import { InputError } from '../../scenario/input-error.ts';
import type { ErrorBody } from '../http/api-error.ts';

export class ApiClientError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null, what: string) {
    super(`${what}: ${status} ${body ? `${body.error}: ${body.message}` : '(no error body)'}`);
    this.name = 'ApiClientError';
    this.status = status;
    this.body = body;
  }
}

export class ApiClient {
  readonly baseUrl: string;
  private readonly token: string;

  constructor(baseUrl: string, token: string) {
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new InputError({
        source: '--server',
        path: [],
        message: `expected a URL such as http://127.0.0.1:8080, got '${baseUrl}'`,
      });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InputError({
        source: '--server',
        path: [],
        message: `expected an http:// or https:// URL, got '${baseUrl}'`,
      });
    this.baseUrl = url.toString().replace(/\/$/, '');
    this.token = token;
  }

  /** The stream's URL, with the token in the query as browsers must send it. */
  streamUrl(): string {
    return `${this.baseUrl.replace(/^http/, 'ws')}/ws?token=${encodeURIComponent(this.token)}`;
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new Error(
        `cannot reach the service at ${this.baseUrl}: ${(err as Error).cause ?? (err as Error).message}`,
      );
    }
    const text = await response.text();
    const json = text === '' ? null : (JSON.parse(text) as unknown);
    if (!response.ok)
      throw new ApiClientError(response.status, json as ErrorBody | null, `${method} ${path}`);
    return json as T;
  }
}
