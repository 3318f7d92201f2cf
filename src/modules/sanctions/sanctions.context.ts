import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { unprocessable, validationError } from '../../shared/errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { KeysService } from '../keys/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { addDuration, parseDuration } from '../regimes/index.ts';
import type { SanctionMeasure, ViolationsService } from '../violations/index.ts';
import type { SanctionRow } from './sanctions.repository.ts';

export interface Notice {
  kind: string;
  title: string;
  body: string;
  link?: string;
  subjectType?: string;
  subjectId?: string;
}

/** Tells an organisation (in the UI, and by e-mail when SMTP is configured), in the caller's transaction. */
export interface NotifyPort {
  notify(ex: Executor, notice: Notice & { orgId: string }): Promise<unknown>;
  notifyOperator(ex: Executor, notice: Notice): Promise<unknown>;
}

export interface SanctionsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
  organisations: Pick<OrganisationsService, 'applyPartnerStatus' | 'findOrganisation' | 'lockOrganisation'>;
  violations: Pick<ViolationsService, 'findViolation' | 'measureFor' | 'closeViolation'>;
  notifications: NotifyPort;
  keys: Pick<KeysService, 'encrypt' | 'decrypt' | 'registerStore'>;
  /** Four-eyes: a second operator manager approves each decision, and no one decides what they put forward. */
  fourEyes: boolean;
}

const DAY_MS = 86_400_000;
const MAX_DAYS = 3660;

/** The end of a suspension of `period` from `start`; a clear error for a period that cannot work. */
export function endOfPeriod(start: Date, period: string, pointer = '/period'): Date {
  const duration = parseDuration(period);
  if (!duration) {
    throw validationError('sanction.bad_period', `'${period}' is not an ISO 8601 duration such as P6M`, [
      { pointer, detail: 'must be an ISO 8601 duration such as P6M' },
    ]);
  }
  const end = addDuration(start, duration);
  const days = (end.getTime() - start.getTime()) / DAY_MS;
  if (days < 1 || days > MAX_DAYS) {
    throw validationError('sanction.bad_period', `A suspension lasts between a day and ten years, not ${period}`, [
      { pointer, detail: 'must be between P1D and P10Y' },
    ]);
  }
  return end;
}

/** An explicit end (a decision's, an extension's) lies after the start, and at most ten years after, like a period. */
export function checkEnd(start: Date, end: Date, pointer = '/endsAt'): void {
  if (end.getTime() <= start.getTime()) {
    throw validationError('sanction.end_before_start', 'A sanction cannot end before it starts', [
      { pointer, detail: `must be later than the start (${start.toISOString()})` },
    ]);
  }
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_DAYS) {
    throw validationError('sanction.bad_term', 'A suspension lasts at most ten years', [
      { pointer, detail: `must be at most ten years after the start (${start.toISOString()})` },
    ]);
  }
}

/** A reason must say something: blank text is refused like a missing one. */
export function requireReason(reason: string | undefined, code: string, what: string): string {
  const text = reason?.trim();
  if (!text) {
    throw validationError(code, `${what} needs a reason`, [{ pointer: '/reason', detail: 'is required' }]);
  }
  return text;
}

export function requirePartner(org: { kind: string; name: string; partnerStatus: string | null } | undefined) {
  if (org?.kind !== 'partner' || org.partnerStatus === null) {
    throw unprocessable('sanction.not_partner', `${org?.name ?? 'The organisation'} is not a partner organisation`, [
      { pointer: '/orgId', detail: 'must be a partner organisation' },
    ]);
  }
}

/** How notices and messages name a measure. */
export const measureLabel: Record<string, string> = {
  warning: 'a warning',
  suspension: 'a suspension',
  revocation: 'revocation of the partnership',
};

/** What a decision may say about the term. */
export interface TermInput {
  measure?: SanctionMeasure | undefined;
  period?: string | undefined;
  startsAt?: string | undefined;
  endsAt?: string | undefined;
}

/** The term a decision sets: start (now unless later), end (for suspensions), checked. */
export function termOf(s: Pick<SanctionRow, 'measure' | 'period'>, input: TermInput, now: Date) {
  const measure = input.measure ?? (s.measure as SanctionMeasure);
  const startsAt = input.startsAt ? new Date(input.startsAt) : now;
  if (startsAt.getTime() < now.getTime() - 60_000) {
    throw validationError('sanction.start_in_past', 'A sanction cannot start in the past', [
      { pointer: '/startsAt', detail: 'must not lie in the past' },
    ]);
  }
  if (measure !== 'suspension') {
    if (input.endsAt || input.period) {
      throw validationError('sanction.no_term', `A ${measure} has no end`, [
        { pointer: input.endsAt ? '/endsAt' : '/period', detail: 'only a suspension has an end' },
      ]);
    }
    return { measure, startsAt, endsAt: null, period: null };
  }
  const period = input.period ?? (measure === s.measure ? s.period : null);
  let endsAt: Date;
  if (input.endsAt) {
    endsAt = new Date(input.endsAt);
  } else if (period) {
    endsAt = endOfPeriod(startsAt, period);
  } else {
    throw validationError('sanction.term_required', 'A suspension needs a period or an end', [
      { pointer: '/period', detail: 'give period (e.g. P6M) or endsAt' },
    ]);
  }
  checkEnd(startsAt, endsAt);
  return { measure, startsAt, endsAt, period: input.endsAt ? null : period };
}

/** The columns a fresh proposal leaves empty. */
export function blank(now: Date) {
  return {
    legalBasis: null,
    proposedBy: null,
    proposedAt: now,
    decision: null,
    decisionReason: null,
    decidedBy: null,
    decidedByLabel: null,
    decidedAt: null,
    approvedBy: null,
    approvedByLabel: null,
    approvedAt: null,
    startsAt: null,
    endsAt: null,
    outcome: null,
    completedAt: null,
    updatedAt: now,
  };
}
