import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { isOperator, type Principal } from '../../shared/principal.ts';
import type { Signer } from '../../shared/signer.ts';
import type { AuditService } from '../audit/index.ts';
import type { KeysService, Tier } from '../keys/index.ts';
import type { NotificationsService } from '../notifications/index.ts';
import { type Relation, relationTo } from './reports.policy.ts';
import type { KevPort, ObligationsPort } from './reports.ports.ts';
import { type ReportRow, reportsRepository as repo, type Viewer } from './reports.repository.ts';

export interface ReportsDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
  signer: Signer;
  keys: Pick<KeysService, 'encrypt' | 'decrypt' | 'decryptText' | 'registerStore'>;
  obligations: ObligationsPort;
  kev: KevPort;
  /** Tells vendors of coordination requests and reminders (in the UI, and by e-mail when configured). */
  notifications: Pick<NotificationsService, 'notify'>;
}

export const viewerOf = (p: Principal): Viewer => ({ orgId: p.orgId, isOperator: isOperator(p) });

/**
 * Not found and not visible look the same: a report's existence is not disclosed to those who may
 * not see it, even in an error message.
 */
export const reportNotFound = (id: string) => notFound('report.not_found', `Report ${id} not found`);

/** Loads a report the actor may see, with how the actor relates to it. */
export async function loadVisible(
  deps: Pick<ReportsDeps, 'db'>,
  actor: Principal,
  id: string,
  lock = false,
  db: ReportsDeps['db'] = deps.db,
): Promise<{ report: ReportRow; relation: Relation; vendorOrgIds: string[] }> {
  const report = await repo.findVisible(db, id, viewerOf(actor), lock);
  if (!report) throw reportNotFound(id);
  const vendorOrgIds = await repo.vendorOrgIds(db, id);
  return { report, relation: relationTo(actor, report, vendorOrgIds), vendorOrgIds };
}

/** Confidential text is sealed under the report's tier key and bound to the report and field. */
export function seal(deps: Pick<ReportsDeps, 'keys'>, tier: string, reportId: string, field: string, value: unknown) {
  return deps.keys.encrypt(tier as Tier, JSON.stringify(value), `report:${reportId}:${field}`);
}

export function unseal<T>(deps: Pick<ReportsDeps, 'keys'>, reportId: string, field: string, envelope: string): T {
  return JSON.parse(deps.keys.decryptText(envelope, `report:${reportId}:${field}`)) as T;
}
