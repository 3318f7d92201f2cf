import { isAdminOf, isOperator, isOperatorAdmin, type Principal } from '../../shared/principal.ts';
import type { PartnerStatus, UpdateOrgInput } from './organisations.schemas.ts';

/** Operators see every organisation; everyone else sees only their own. */
export const canSeeOrg = (p: Principal, orgId: string): boolean => isOperator(p) || p.orgId === orgId;

export const canCreateOrg = (p: Principal): boolean => isOperatorAdmin(p);

/** An organisation's admin keeps its own contact details current; its name is the operator's to change. */
export function canUpdateOrg(p: Principal, orgId: string, patch: UpdateOrgInput): boolean {
  if (isOperatorAdmin(p)) return true;
  return isAdminOf(p, orgId) && patch.name === undefined;
}

export const canChangePartnerStatus = (p: Principal): boolean => isOperatorAdmin(p);

/**
 * The partner lifecycle: active → warned → suspended until T → under review → active (reinstated),
 * suspended again (extended) or revoked. Revocation is final.
 */
const transitions: Record<PartnerStatus, readonly PartnerStatus[]> = {
  active: ['warned', 'suspended', 'revoked'],
  warned: ['active', 'suspended', 'revoked'],
  suspended: ['suspended', 'under_review', 'revoked'],
  under_review: ['active', 'suspended', 'revoked'],
  revoked: [],
};

export const allowedNextStatuses = (from: PartnerStatus): readonly PartnerStatus[] => transitions[from];
export const canTransition = (from: PartnerStatus, to: PartnerStatus): boolean => transitions[from].includes(to);

/** What an organisation may do and receive, as its partner status decides (ADR 0007). */
export interface Capabilities {
  /** Receives partner-only (TLP:AMBER and above) warnings and intelligence, including reports shared with it. */
  receivesPartnerOnly: boolean;
  /** Submits vulnerability reports. A suspended partner can and must still report: its obligations keep running. */
  reports: boolean;
}

const withheld: readonly (PartnerStatus | null)[] = ['suspended', 'under_review', 'revoked'];
/** The partner statuses under which partner-only content is withheld. */
export const statusesWithoutPartnerOnly = withheld.filter((s): s is PartnerStatus => s !== null);

export const capabilitiesOf = (partnerStatus: PartnerStatus | null): Capabilities => ({
  receivesPartnerOnly: !withheld.includes(partnerStatus),
  reports: true,
});
