import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type AppError, ErrorKind, type FieldError, isAppError } from '../shared/errors.ts';

/** RFC 9457 problem details, with our stable code, the request id and JSON pointers to bad fields. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
}

const statusByKind: Record<ErrorKind, number> = {
  [ErrorKind.validation]: 400,
  [ErrorKind.unauthenticated]: 401,
  [ErrorKind.forbidden]: 403,
  [ErrorKind.notFound]: 404,
  [ErrorKind.conflict]: 409,
  [ErrorKind.unprocessable]: 422,
  [ErrorKind.rateLimited]: 429,
};

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export const problemType = (code: string) => `https://threatshare.dev/problems/${code.replace(/\./g, '/')}`;

export function toProblem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  errors?: FieldError[],
) {
  const problem: Problem = {
    type: problemType(code),
    title: titles[status] ?? 'Error',
    status,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
    code,
    requestId: String(request.id),
  };
  if (errors && errors.length > 0) problem.errors = errors;
  return problem;
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Ajv errors as JSON pointers into the part of the request they came from. */
export function fieldErrors(validation: AjvError[], context: string): FieldError[] {
  return validation.map((e) => {
    const base = e.instancePath || '';
    if (e.keyword === 'additionalProperties') {
      return { pointer: `${base}/${String(e.params.additionalProperty)}`, detail: `unknown field in ${context}` };
    }
    if (e.keyword === 'required') {
      return { pointer: `${base}/${String(e.params.missingProperty)}`, detail: 'is required' };
    }
    const allowed = e.params.allowedValues as unknown[] | undefined;
    const detail = `${e.message ?? 'is invalid'}${allowed ? `: ${allowed.join(', ')}` : ''}`;
    return { pointer: base || '/', detail };
  });
}

/** Maps a framework or service error to a problem; unknown errors become a generic 500. */
export function problemFor(error: unknown, request: FastifyRequest): Problem {
  if (isAppError(error)) return fromAppError(error, request);
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) {
    const context = fe.validationContext ?? 'body';
    const errors = fieldErrors(fe.validation, context);
    const first = errors[0];
    const detail = first ? `Invalid ${context}: ${first.pointer} ${first.detail}` : `Invalid ${context}`;
    return toProblem(request, 400, `request.invalid_${context}`, detail, errors);
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return toProblem(request, 400, 'request.malformed_json', `The request body is not valid JSON: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return toProblem(request, 413, 'request.body_too_large', 'The request body is larger than this server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return toProblem(request, 415, 'request.unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return toProblem(request, 400, 'request.invalid_content_length', 'Content-Length does not match the body');
  }
  if (fe.statusCode === 429) return toProblem(request, 429, 'request.rate_limited', fe.message);
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return toProblem(request, fe.statusCode, 'request.invalid', fe.message);
  }
  return toProblem(
    request,
    500,
    'internal',
    'Something went wrong on our side; quote the request id when reporting it',
  );
}

function fromAppError(error: AppError, request: FastifyRequest): Problem {
  return toProblem(request, statusByKind[error.kind], error.code, error.message, error.errors);
}
