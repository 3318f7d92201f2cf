import type { App } from '../../src/app.ts';
import { type Actor, as } from './actors.ts';

/** A complete report that satisfies the CN 2021 content rules (product, model, version, technical details, harm, scope). */
export function log4shellReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Remote code execution in a widely used Java logging library via JNDI lookups',
    description: 'Attacker-controlled log messages trigger JNDI lookups that load remote code.',
    technicalDetails: 'Message lookup substitution resolves ${jndi:ldap://…} in logged strings.',
    impact: 'Remote code execution as the application user.',
    scopeOfImpact: 'Every application that logs attacker-controlled input with the library.',
    products: [
      {
        vendor: 'Apache Software Foundation',
        product: 'Apache Log4j2',
        model: 'log4j-core',
        purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
        versions: [{ scheme: 'semver', introduced: '2.0.0', fixed: '2.15.0' }],
      },
    ],
    cwes: ['CWE-502', 'CWE-400', 'CWE-20'],
    cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
    exploitation: 'none',
    timeline: {
      discoveredAt: '2021-11-24T10:00:00.000Z',
      awareAt: '2021-11-24T10:00:00.000Z',
      vendorNotifiedAt: '2021-11-24T10:00:00.000Z',
    },
    cveId: 'CVE-2021-44228',
    references: [{ url: 'https://logging.apache.org/log4j/2.x/security.html', name: 'Apache Log4j security' }],
    tlp: 'AMBER',
    tier: 'important',
    ...overrides,
  };
}

export async function submitReport(app: App, actor: Actor, body: Record<string, unknown>) {
  const res = await as(app, actor)({ method: 'POST', url: '/api/v1/reports', payload: body });
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json() as {
    report: { id: string; ref: string; status: string; content: Record<string, unknown> };
    submission: { id: string; receipt: string; contentSha256: string; receivedAt: string; auditSeq: number };
  };
}

export async function assignRegimes(app: App, admin: Actor, orgId: string, regimeIds: string[]) {
  for (const regimeId of regimeIds) {
    const res = await as(
      app,
      admin,
    )({ method: 'POST', url: `/api/v1/organisations/${orgId}/regimes`, payload: { regimeId } });
    if (res.statusCode !== 201) throw new Error(`assign ${regimeId} failed: ${res.statusCode} ${res.body}`);
  }
}
