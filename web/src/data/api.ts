// The service's REST API with a bearer token (src/server/routes). Every failure is an
// ApiRequestError carrying the service's error body: its message and, for bad input,
// the located problems (line, column, field path) the console shows.
import type { ApiProblem, ErrorBody } from './types.ts';

export class ApiRequestError extends Error {
  readonly status: number;
  readonly problems: ApiProblem[];

  constructor(status: number, body: ErrorBody | null, fallback: string) {
    super(body?.message ?? fallback);
    this.name = 'ApiRequestError';
    this.status = status;
    this.problems = body?.problems ?? [];
  }
}

export class Api {
  readonly token: string;

  constructor(token: string) {
    this.token = token;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new ApiRequestError(0, null, `the service does not answer (${(err as Error).message})`);
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok)
      throw new ApiRequestError(
        response.status,
        parsed as ErrorBody | null,
        `${method} ${path}: ${response.status} ${response.statusText}`,
      );
    return parsed as T;
  }
}

/** Encodes a run id or scenario name for a path segment. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
