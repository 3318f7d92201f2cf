import { northwindWebUi, xzBackdoor } from './world.coordination.ts';
import { log4jIncompleteFix, log4shell, log4shellDuplicate } from './world.log4j.ts';
import type { DemoReport } from './world.ts';

/** Reports in every status, drawn from real CVE records in the imported catalog (except where noted). */

const jenkinsCli: DemoReport = {
  key: 'jenkins-cli',
  submitted: { at: '2024-01-25T07:30:00.000Z', by: 'reporter@energy.demo', stage: 'initial' },
  fromCve: 'CVE-2024-23897',
  content: {
    title: 'Arbitrary file read through the Jenkins CLI argument parser ("@file" expansion)',
    products: [
      {
        vendor: 'Jenkins Project',
        product: 'Jenkins',
        model: 'weekly and LTS',
        versions: [
          { scheme: 'generic', version: '2.441' },
          { scheme: 'generic', version: '2.426.2 (LTS)' },
        ],
      },
    ],
    timeline: {
      awareAt: '2024-01-24T18:00:00.000Z',
      fixAvailableAt: '2024-01-24T17:52:22.000Z',
      publiclyDisclosedAt: '2024-01-24T17:52:22.000Z',
    },
    tlp: 'CLEAR',
  },
  steps: [
    {
      at: '2024-01-25T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Public advisory; exposed controllers reported.',
    },
    {
      at: '2024-01-25T10:00:00.000Z',
      by: 'reporter@energy.demo',
      do: 'comment',
      body: 'We found three exposed controllers in our OT build network; all patched by 2024-01-25 16:00 UTC.',
    },
    {
      at: '2024-01-25T10:30:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Reproduced on 2.426.2 LTS.',
    },
    {
      at: '2024-01-25T10:35:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'fix_available',
      reason: 'Jenkins 2.442 and LTS 2.426.3 fix it.',
    },
    {
      at: '2024-01-26T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'published',
      reason: 'Security warning issued (TLP:CLEAR).',
    },
  ],
};

const opensshAgent: DemoReport = {
  key: 'openssh-agent',
  submitted: { at: '2023-07-20T12:00:00.000Z', by: 'reporter@network.demo', stage: 'initial' },
  fromCve: 'CVE-2023-38408',
  content: {
    title: 'Remote code execution through a forwarded ssh-agent (PKCS#11 provider loading) in OpenSSH before 9.3p2',
    products: [
      {
        vendor: 'OpenBSD',
        product: 'OpenSSH',
        model: 'ssh-agent',
        versions: [{ scheme: 'generic', version: '9.3p1' }],
      },
    ],
    cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    timeline: {
      awareAt: '2023-07-19T20:00:00.000Z',
      fixAvailableAt: '2023-07-19T00:00:00.000Z',
      publiclyDisclosedAt: '2023-07-19T00:00:00.000Z',
    },
  },
  steps: [
    {
      at: '2023-07-20T14:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Affects the NX-series management plane when agent forwarding is on.',
    },
    {
      at: '2023-07-21T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Confirmed by Northwind; firmware update planned.',
    },
  ],
};

/** Rejected with real data behind it: the CNA itself withdrew the CVE id. */
const kernelRejected: DemoReport = {
  key: 'kernel-rejected',
  submitted: { at: '2024-03-05T13:00:00.000Z', by: 'reporter@hospital.demo', stage: 'initial' },
  content: {
    title: 'NULL pointer dereference in the Linux ACPI extlog driver on imaging workstations',
    description:
      'Kernel oops in acpi_extlog when the module is unloaded on our radiology workstations. We believe this is ' +
      'CVE-2023-52605.',
    products: [{ vendor: 'Linux', product: 'Linux kernel', versions: [{ scheme: 'generic', version: '6.1.76' }] }],
    cwes: ['CWE-476'],
    cveId: 'CVE-2023-52605',
    timeline: { awareAt: '2024-03-04T16:00:00.000Z' },
  },
  steps: [
    {
      at: '2024-03-06T10:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body: 'CVE-2023-52605 was rejected by its CNA today: unloading the module needs root, so no boundary is crossed.',
    },
    {
      at: '2024-03-06T10:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'rejected',
      reason: 'Not a vulnerability: the CVE id was withdrawn by its CNA on 2024-03-06.',
    },
  ],
};

const gitlabAccess: DemoReport = {
  key: 'gitlab-access',
  submitted: { at: '2025-05-23T09:00:00.000Z', by: 'reporter@bank.demo', stage: 'initial' },
  fromCve: 'CVE-2025-1110',
  content: {
    // The record says '18.0', which is not a semantic version.
    products: [
      {
        vendor: 'GitLab',
        product: 'GitLab CE/EE',
        versions: [{ scheme: 'semver', introduced: '18.0.0', fixed: '18.0.1' }],
      },
    ],
    timeline: { awareAt: '2025-05-22T15:00:00.000Z', publiclyDisclosedAt: '2025-05-22T14:02:31.000Z' },
  },
  steps: [
    { at: '2025-05-23T10:00:00.000Z', by: 'analyst@operator.demo', do: 'assign', to: 'analyst@operator.demo' },
    {
      at: '2025-05-23T10:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: "Medium severity; waiting for the bank's exposure details.",
    },
  ],
};

/**
 * Arrives while you look: an EU CRA early warning sent hours before the world was seeded. KEV lists the CVE, so the
 * CRA clock runs: the early warning is met, the 72-hour notification is still due.
 */
const phpCgiEarlyWarning: DemoReport = {
  key: 'php-cgi-early-warning',
  submitted: { at: 'now-3h', by: 'reporter@cloud.demo', stage: 'early_warning' },
  fromCve: 'CVE-2024-4577',
  content: {
    title: 'Exploitation of PHP-CGI argument injection against legacy Windows hosting (early warning)',
    exploitationEvidence:
      'Requests with a soft hyphen (0xAD) before "d allow_url_include" against /php-cgi/php-cgi.exe on legacy ' +
      'Windows PHP hosting customers since yesterday evening; two hosts ran a downloaded payload.',
    products: [
      {
        vendor: 'PHP Group',
        product: 'PHP',
        model: 'PHP-CGI on Windows',
        versions: [{ scheme: 'semver', introduced: '8.3.0', fixed: '8.3.8' }],
      },
    ],
    timeline: { awareAt: 'now-20h' },
    tier: 'important',
  },
  steps: [],
};

/** Every report status appears at least once. */
export const demoReports: readonly DemoReport[] = [
  log4shell,
  log4shellDuplicate,
  log4jIncompleteFix,
  opensshAgent,
  jenkinsCli,
  kernelRejected,
  xzBackdoor,
  gitlabAccess,
  northwindWebUi,
  phpCgiEarlyWarning,
];
