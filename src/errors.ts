/**
 * Typed errors. A UserError is something the user can fix (bad input, bad flag, server not reachable):
 * the CLI prints its one-line message and exits 1. Anything else is a bug or an environment failure
 * and exits 2.
 */
export type ErrorContext = Record<string, unknown>;

export class UserError extends Error {
  readonly code: string;
  readonly context: ErrorContext;
  constructor(code: string, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserError';
    this.code = code;
    this.context = context;
  }
}

export class InternalError extends Error {
  readonly code: string;
  readonly context: ErrorContext;
  constructor(code: string, message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
    this.code = code;
    this.context = context;
  }
}

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
