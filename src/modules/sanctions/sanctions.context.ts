import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { unprocessable, validationError } from '../../shared/errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { KeysService } from '../keys/index.ts';
import type { OrganisationsService } from '../organisations/index.ts';
import { addDuration, parseDuration } from '../regimes/index.ts';
import type { ViolationsService } from '../violations/index.ts';

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
  organisations: Pick<OrganisationsService, 'applyPartnerStatus' | 'findOrganisation'>;
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
