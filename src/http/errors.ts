import type { FastifyError, FastifyInstance } from 'fastify';
import { isAppError } from '../shared/errors.ts';
import { problemFor, sendProblem } from './problem.ts';

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** The one error handler: every failure leaves as problem+json; unknown ones are logged with their cause chain. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isUniqueViolation(error)) {
      const problem = problemFor(error, request);
      return sendProblem(reply, {
        ...problem,
        status: 409,
        title: 'Conflict',
        code: 'db.conflict',
        detail: 'A record with the same identity exists already',
      });
    }
    const problem = problemFor(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else if (!isAppError(error)) request.log.info({ code: problem.code, status: problem.status }, problem.detail);
    return sendProblem(reply, problem);
  });
}
