/**
 * Errors as the API answers them: `{error: {code, message}}` with an HTTP status, never a stack trace.
 * Routes throw HttpError (or a UserError whose code is mapped below); everything unexpected becomes a
 * 500 with a generic message, and the details go to the log only.
 */
import { UserError, type ErrorContext } from '../errors.js';

export class HttpError extends UserError {
  readonly status: number;
  constructor(status: number, code: string, message: string, context: ErrorContext = {}) {
    super(code, message, context);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** Status for the typed errors the store and the Cypher guard raise. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  CYPHER_REFUSED: 403,
  CYPHER_WRITE: 403,
  CYPHER_INVALID: 400,
  CYPHER_TIMEOUT: 408,
  CYPHER_RESOURCES: 422,
  BAD_DEPTH: 400,
  NEO4J_UNAVAILABLE: 503,
  NEO4J_UNREACHABLE: 503,
  NEO4J_AUTH: 503,
};

export interface ErrorBody {
  error: { code: string; message: string };
}

/** body-parser's error types (express.json) mapped to an answer a client can act on. */
function bodyParserError(err: { type?: unknown; status?: unknown }): HttpError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'MALFORMED_JSON', 'the request body is not valid JSON');
    case 'entity.too.large':
      return new HttpError(413, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'UNSUPPORTED_ENCODING', 'the request body encoding or charset is not supported');
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'BAD_BODY', 'the request body was incomplete');
    default:
      return undefined;
  }
}

/** Maps anything thrown in a route to a status and a client-safe body; `internal` says whether to log it loudly. */
export function toHttpError(err: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (err instanceof HttpError) {
    return { status: err.status, body: { error: { code: err.code, message: err.message } }, internal: false };
  }
  if (err instanceof UserError) {
    const status = STATUS_BY_CODE[err.code] ?? 400;
    return { status, body: { error: { code: err.code, message: err.message } }, internal: status >= 500 };
  }
  if (err !== null && typeof err === 'object') {
    const parsed = bodyParserError(err as { type?: unknown });
    if (parsed) return toHttpError(parsed);
    // Other client errors raised by Express itself (e.g. a malformed %-escape in the path).
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return { status, body: { error: { code: 'BAD_REQUEST', message: 'the request could not be understood' } }, internal: false };
    }
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error' } }, internal: true };
}
