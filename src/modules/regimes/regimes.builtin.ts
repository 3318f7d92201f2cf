import type { Regime } from './regimes.model.ts';

const allStages = ['initial', 'early_warning', 'notification', 'final_report', 'update'] as const;

/**
 * 网络产品安全漏洞管理规定 (Provisions on the Management of Security Vulnerabilities of Network Products,
 * MIIT/CAC/MPS, in force 2021-09-01), Art. 7(2): report to the MIIT platform within 2 days; content per Art. 7(2).
 */
const cn2021: Regime = {
  id: 'cn-2021',
  name: 'CN 2021 Provisions on the management of network product security vulnerabilities',
  description:
    'Network product providers report vulnerabilities in their products to the national platform within 2 days ' +
    'of becoming aware of them, stating product name, model, version, technical characteristics, harm and scope.',
  legalBasis: '网络产品安全漏洞管理规定 (2021), Art. 7(2)',
  obligations: [
    {
      key: 'report',
      title: 'Report the vulnerability to the platform within 2 days of becoming aware',
      stage: 'initial',
      trigger: 'awareAt',
      period: 'P2D',
      requiredFields: [
        'products/*/product',
        'products/*/model',
        'products/*/versions',
        'technicalDetails',
        'impact',
        'scopeOfImpact',
      ],
      satisfiedBy: [...allStages],
      legalReference: 'Art. 7(2)',
    },
  ],
};

/** Regulation (EU) 2024/2847 (Cyber Resilience Act), Art. 14(2)(a)–(c): actively exploited vulnerabilities. */
const euCraArt14: Regime = {
  id: 'eu-cra-art14',
  name: 'EU Cyber Resilience Act Art. 14 — actively exploited vulnerabilities',
  description:
    'Manufacturers notify actively exploited vulnerabilities in products with digital elements: an early warning ' +
    'within 24 hours of awareness, a notification within 72 hours, and a final report within 14 days after a ' +
    'corrective or mitigating measure is available.',
  legalBasis: 'Regulation (EU) 2024/2847, Art. 14(2)',
  appliesTo: { exploitation: ['active'] },
  obligations: [
    {
      key: 'early-warning',
      title: 'Early warning within 24 hours of awareness',
      stage: 'early_warning',
      trigger: 'awareAt',
      period: 'PT24H',
      requiredFields: ['products/*/product'],
      // The first report to the platform serves as the early warning when it carries what one must.
      satisfiedBy: ['initial', 'early_warning', 'notification', 'final_report'],
      legalReference: 'Art. 14(2)(a)',
    },
    {
      key: 'notification',
      title: 'Vulnerability notification within 72 hours of awareness',
      stage: 'notification',
      trigger: 'awareAt',
      period: 'PT72H',
      requiredFields: ['products/*/product', 'products/*/versions', 'technicalDetails', 'impact'],
      // "unless the relevant information has already been provided": an earlier complete report counts.
      satisfiedBy: ['initial', 'notification', 'final_report'],
      legalReference: 'Art. 14(2)(b)',
    },
    {
      key: 'final-report',
      title: 'Final report within 14 days after a corrective measure is available',
      stage: 'final_report',
      trigger: 'fixAvailableAt',
      period: 'P14D',
      requiredFields: ['description', 'impact', 'technicalDetails', 'cvssV31|cvssV40'],
      satisfiedBy: ['final_report'],
      legalReference: 'Art. 14(2)(c)',
    },
  ],
};

/** CVE Program CNA Operational Rules 4.x: publish the CVE record once the vulnerability is public. */
const cveCna: Regime = {
  id: 'cve-cna',
  name: 'CVE CNA rule — publish the CVE record within 72 hours of public disclosure',
  description:
    'A CNA that assigned a CVE ID publishes the CVE record promptly once the vulnerability is publicly disclosed; ' +
    'here: a submission carrying the CVE ID, the affected products and versions within 72 hours of disclosure.',
  legalBasis: 'CVE Program, CNA Operational Rules',
  obligations: [
    {
      key: 'cve-record',
      title: 'Provide the CVE record within 72 hours of public disclosure',
      stage: 'update',
      trigger: 'publiclyDisclosedAt',
      period: 'PT72H',
      requiredFields: ['cveId', 'products/*/product', 'products/*/versions'],
      satisfiedBy: [...allStages],
      legalReference: 'CNA Operational Rules (publication of CVE records)',
    },
  ],
};

export const builtinRegimes: readonly Regime[] = [cn2021, euCraArt14, cveCna].map((r) => ({ ...r, builtIn: true }));
