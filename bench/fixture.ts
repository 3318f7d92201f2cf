import { generateKeyPairSync } from 'node:crypto';
import type { Db } from '../src/db/client.ts';
import { type AuditEvent, type AuditService, createAuditModule } from '../src/modules/audit/index.ts';
import { type OrgRow, organisationsRepository } from '../src/modules/organisations/organisations.repository.ts';
import { systemClock } from '../src/shared/clock.ts';
import { newId, type OrgId, type UserId } from '../src/shared/ids.ts';
import type { Principal } from '../src/shared/principal.ts';
import { createSigner } from '../src/shared/signer.ts';

export const clock = systemClock;

/** An operator analyst: the usual author of organisation changes. */
export const actor: Principal = {
  kind: 'user',
  userId: '5b0d3c8e-6a43-4f7e-9d2c-0f1e2a3b4c5d' as UserId,
  orgId: '0c9a8b7d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' as OrgId,
  orgKind: 'operator',
  role: 'admin',
  scopes: ['read', 'write', 'admin'],
  label: 'duty-analyst@cert.example',
  tokenId: null,
};

export async function createBenchAudit(db: Db): Promise<AuditService> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const signer = await createSigner(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
  return createAuditModule({ db, clock, signer }).service;
}

const countries = ['DE', 'FR', 'NL', 'PL', 'SE', 'IT', 'ES', 'CN', 'JP', 'US'];
export const sectors = ['cloud', 'energy', 'finance', 'health', 'telecom', 'transport', 'software', 'water'];

/** Partner organisations the writes update; inserted without audit, they are scenery. */
export async function seedOrganisations(db: Db, count: number): Promise<OrgRow[]> {
  const now = clock.now();
  const rows: OrgRow[] = Array.from({ length: count }, (_, i) => ({
    id: newId<OrgId>(),
    name: `Bench Partner ${i + 1} GmbH`,
    shortName: `BP${i + 1}`,
    kind: 'partner',
    country: countries[i % countries.length]!,
    sector: sectors[i % sectors.length]!,
    contacts: [{ name: 'PSIRT', email: `psirt@partner${i + 1}.example`, role: 'security' }],
    partnerStatus: 'active',
    partnerStatusUntil: null,
    createdAt: now,
    updatedAt: now,
  }));
  await db.transaction(async (tx) => {
    for (const row of rows) await organisationsRepository.insert(tx, row);
  });
  return rows;
}

/** The audit event an organisation update records (what organisations.service writes for org.updated). */
export function orgUpdatedEvent(org: OrgRow, from: string, to: string): AuditEvent {
  return {
    action: 'org.updated',
    orgId: org.id,
    subjectType: 'organisation',
    subjectId: org.id,
    summary: { before: { sector: from }, after: { sector: to } },
  };
}

/** A realistic mix of entries for building a long chain: creations, updates and partner status changes. */
export function mixedEvent(i: number, org: OrgRow): AuditEvent {
  const base = { orgId: org.id, subjectType: 'organisation', subjectId: org.id };
  switch (i % 3) {
    case 0:
      return {
        ...base,
        action: 'org.created',
        summary: { name: org.name, kind: org.kind, country: org.country, sector: org.sector },
      };
    case 1:
      return orgUpdatedEvent(org, sectors[i % sectors.length]!, sectors[(i + 1) % sectors.length]!);
    default:
      return {
        ...base,
        action: 'org.status_changed',
        summary: {
          from: 'active',
          to: 'warned',
          reason: `Report VR-${2025}-${String(i).padStart(5, '0')} was filed 31 hours after the 24 h early-warning deadline`,
          legalBasis: 'Partner agreement §4.2; EU CRA Art. 14(2)(a)',
          until: null,
        },
      };
  }
}
