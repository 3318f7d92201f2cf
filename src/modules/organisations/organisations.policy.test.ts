import { describe, expect, it } from 'vitest';
import type { OrgId, UserId } from '../../shared/ids.ts';
import { type Principal, type Role, type Scope, scopes, systemPrincipal } from '../../shared/principal.ts';
import { canChangePartnerStatus, canSeeOrg, canTransition, canUpdateOrg } from './organisations.policy.ts';

const principal = (orgKind: 'operator' | 'partner', role: Role, scoped: readonly Scope[] = scopes): Principal => ({
  kind: 'user',
  userId: 'u' as UserId,
  orgId: 'own' as OrgId,
  orgKind,
  role,
  scopes: scoped,
  label: 'x',
  tokenId: null,
});

describe('organisation policy', () => {
  it('operators see every organisation, others only their own', () => {
    expect(canSeeOrg(principal('operator', 'viewer'), 'other')).toBe(true);
    expect(canSeeOrg(principal('partner', 'admin'), 'other')).toBe(false);
    expect(canSeeOrg(principal('partner', 'viewer'), 'own')).toBe(true);
  });

  it("an organisation's admin updates its details but not its name", () => {
    const admin = principal('partner', 'admin');
    expect(canUpdateOrg(admin, 'own', { sector: 'x' })).toBe(true);
    expect(canUpdateOrg(admin, 'own', { name: 'New name' })).toBe(false);
    expect(canUpdateOrg(admin, 'other', { sector: 'x' })).toBe(false);
    expect(canUpdateOrg(principal('operator', 'admin'), 'other', { name: 'x' })).toBe(true);
  });

  it('only operator admins with the admin scope change a partner status', () => {
    expect(canChangePartnerStatus(principal('operator', 'admin'))).toBe(true);
    expect(canChangePartnerStatus(principal('operator', 'admin', ['read', 'write']))).toBe(false);
    expect(canChangePartnerStatus(principal('operator', 'analyst'))).toBe(false);
    expect(canChangePartnerStatus(systemPrincipal())).toBe(true);
  });

  it('follows the partner lifecycle', () => {
    expect(canTransition('active', 'suspended')).toBe(true);
    expect(canTransition('suspended', 'suspended')).toBe(true);
    expect(canTransition('suspended', 'active')).toBe(false);
    expect(canTransition('under_review', 'active')).toBe(true);
    expect(canTransition('revoked', 'active')).toBe(false);
  });
});
