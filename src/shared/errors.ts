/** A pointer to the offending input, relative to the part of the request it came from. */
export interface FieldError {
  pointer: string;
  detail: string;
}

export const ErrorKind = {
  validation: 'validation',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  unprocessable: 'unprocessable',
  rateLimited: 'rate_limited',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/**
 * The one error type services throw. `code` is stable and dotted (`user.email_taken`);
 * the HTTP edge maps `kind` to a status, the CLI maps any AppError to exit code 2.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly errors: FieldError[];

  constructor(kind: ErrorKind, code: string, message: string, errors: FieldError[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.errors = errors;
  }
}

export const validationError = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(ErrorKind.validation, code, message, errors);
export const unauthenticated = (code: string, message: string) =>
  new AppError(ErrorKind.unauthenticated, code, message);
export const forbidden = (code: string, message: string) => new AppError(ErrorKind.forbidden, code, message);
export const notFound = (code: string, message: string) => new AppError(ErrorKind.notFound, code, message);
export const conflict = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(ErrorKind.conflict, code, message, errors);
export const unprocessable = (code: string, message: string, errors: FieldError[] = []) =>
  new AppError(ErrorKind.unprocessable, code, message, errors);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Throws `error` unless `condition` holds; narrows like an assertion. */
export function assertThat(condition: unknown, error: () => AppError): asserts condition {
  if (!condition) throw error();
}
