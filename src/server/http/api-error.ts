// How the API says no: every 4xx and 5xx answer has the same body — a code word, one
// message, and for bad input the located problems (source, line, column, field path,
// what was expected) exactly as the CLI prints them. Bad input is InputError
// everywhere (DESIGN.md §5); a missing or conflicting record is the store's
// StoreError; ApiError covers what only HTTP knows (tokens, roles, sizes, routes).
import { formatPath, formatProblem, InputError, type InputProblem } from '../../scenario/input-error.ts';
import { StoreError } from '../../store/store-error.ts';

export const ERROR_CODES = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'too-many-requests',
  500: 'internal',
  503: 'unavailable',
} as const;

export type ErrorStatus = keyof typeof ERROR_CODES;

export interface ApiProblem {
  source?: string;
  line?: number;
  column?: number;
  /** The field, as `events[0].from`; empty for the document as a whole. */
  path: string;
  /** The same path as keys and indices. */
  pathSegments: Array<string | number>;
  message: string;
}

export interface ErrorBody {
  error: (typeof ERROR_CODES)[ErrorStatus];
  message: string;
  problems?: ApiProblem[];
}

export class ApiError extends Error {
  readonly status: ErrorStatus;

  constructor(status: ErrorStatus, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

export function apiProblem(p: InputProblem): ApiProblem {
  return {
    ...(p.source === undefined ? {} : { source: p.source }),
    ...(p.line === undefined ? {} : { line: p.line }),
    ...(p.column === undefined ? {} : { column: p.column }),
    path: formatPath(p.path),
    pathSegments: [...p.path],
    message: p.message,
  };
}

function body(status: ErrorStatus, message: string, problems?: ApiProblem[]): ErrorBody {
  return { error: ERROR_CODES[status], message, ...(problems ? { problems } : {}) };
}

/** Fastify's own errors that are the client's fault, by code. */
const FASTIFY_CLIENT_ERRORS: Record<string, ErrorStatus> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 415,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 400,
  FST_ERR_CTP_EMPTY_JSON_BODY: 400,
  FST_ERR_CTP_INVALID_JSON_BODY: 400,
  FST_ERR_CTP_EMPTY_TYPE: 400,
  FST_ERR_CTP_INVALID_TYPE: 415,
  FST_ERR_BAD_URL: 400,
  FST_ERR_MAX_PARAM_LENGTH: 400,
};

/** The status and body for anything a handler threw; `internal` tells the caller to log it. */
export function errorResponse(err: unknown): { status: ErrorStatus; body: ErrorBody; internal: boolean } {
  if (err instanceof InputError) {
    const problems = err.problems.map(apiProblem);
    return {
      status: 400,
      body: body(400, err.problems.map(formatProblem).join('\n'), problems),
      internal: false,
    };
  }
  if (err instanceof StoreError) {
    const status = err.code === 'not-found' ? 404 : 409;
    return { status, body: body(status, err.message), internal: false };
  }
  if (err instanceof ApiError)
    return { status: err.status, body: body(err.status, err.message), internal: false };
  const e = err as { code?: unknown; statusCode?: unknown; message?: unknown };
  const known = typeof e.code === 'string' ? FASTIFY_CLIENT_ERRORS[e.code] : undefined;
  if (known) return { status: known, body: body(known, String(e.message)), internal: false };
  // A body that is not valid JSON reaches us as a SyntaxError with statusCode 400.
  if (e.statusCode === 400 && typeof e.message === 'string')
    return { status: 400, body: body(400, e.message), internal: false };
  return { status: 500, body: body(500, 'internal error (logged on the server)'), internal: true };
}
