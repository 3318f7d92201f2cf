import type { DemoReport } from './world.ts';

/** Reports on which the operator brings vendors in, and the vendors answer with statements. */

export const xzBackdoor: DemoReport = {
  key: 'xz-backdoor',
  submitted: { at: '2024-03-29T18:00:00.000Z', by: 'reporter@research.demo', stage: 'initial' },
  fromCve: 'CVE-2024-3094',
  content: {
    title: 'Backdoor in the xz 5.6.0 and 5.6.1 release tarballs (liblzma, via sshd)',
    products: [
      {
        vendor: 'Tukaani Project',
        product: 'xz',
        model: 'liblzma',
        versions: [{ scheme: 'semver', introduced: '5.6.0', fixed: '5.6.2' }],
      },
    ],
    timeline: { awareAt: '2024-03-29T16:00:00.000Z', publiclyDisclosedAt: '2024-03-29T16:51:12.000Z' },
    tier: 'important',
  },
  steps: [
    {
      at: '2024-03-29T18:05:00.000Z',
      by: 'reporter@research.demo',
      do: 'attach',
      filename: 'check-xz-version.txt',
      mediaType: 'text/plain',
      text:
        '#!/bin/sh\n# DEMO: is this host on a backdoored xz?\n' +
        "v=$(xz --version | head -n1 | awk '{print $4}')\n" +
        'case "$v" in 5.6.0|5.6.1) echo "VULNERABLE: xz $v" ;; *) echo "ok: xz $v" ;; esac\n',
    },
    { at: '2024-03-29T19:00:00.000Z', by: 'analyst@operator.demo', do: 'assign', to: 'analyst@operator.demo' },
    {
      at: '2024-03-29T19:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Supply-chain compromise of a core compression library.',
    },
    {
      at: '2024-03-29T20:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Backdoored tarballs verified against the upstream release files.',
    },
    { at: '2024-03-30T08:00:00.000Z', by: 'analyst@operator.demo', do: 'vendor', org: 'cloud' },
    {
      at: '2024-03-30T08:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'coordinating',
      reason: 'Asking the cloud providers whether any image ships xz 5.6.x.',
    },
    {
      at: '2024-03-30T13:00:00.000Z',
      by: 'analyst@cloud.demo',
      do: 'statement',
      productIndex: 0,
      status: 'known_not_affected',
      justification: 'vulnerable_code_not_present',
      statement: 'Nimbus base images ship xz 5.2.5 and 5.4.1; no 5.6.x anywhere in the fleet (checked against SBOMs).',
    },
    {
      at: '2024-03-30T15:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'fix_available',
      reason: 'Distributions reverted to xz 5.4.6; upstream 5.6.2 removes the backdoor.',
    },
  ],
};

/** The one invented flaw (a vendor in the world must own the product); modelled on CVE-2023-20198. */
export const northwindWebUi: DemoReport = {
  key: 'northwind-webui',
  submitted: { at: '2025-10-06T08:00:00.000Z', by: 'reporter@research.demo', stage: 'initial' },
  content: {
    title: 'Unauthenticated privilege escalation in the Northwind NX-series web management UI',
    description:
      'The web management UI of Northwind NX-series routers accepts an account-creation request without ' +
      'authentication and creates a privilege level 15 account. Invented for the demo; modelled on CVE-2023-20198.',
    technicalDetails: 'POST /webui/logoutconfirm.html?logon_hash=1 reaches the account service before the auth check.',
    impact: 'Full control of the device by an unauthenticated attacker who can reach the web UI.',
    scopeOfImpact: 'NX-4400 and NX-4800 routers with the HTTP(S) server enabled.',
    products: [
      {
        vendor: 'Northwind Networks (DEMO)',
        product: 'NX-series router OS',
        model: 'NX-4400',
        versions: [{ scheme: 'semver', introduced: '17.0.0', lastAffected: '17.9.4' }],
      },
    ],
    cwes: ['CWE-420'],
    cvssV31: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
    exploitation: 'poc',
    timeline: { discoveredAt: '2025-10-02T15:00:00.000Z', awareAt: '2025-10-03T09:00:00.000Z' },
    references: [{ url: 'https://nvd.nist.gov/vuln/detail/CVE-2023-20198', name: 'The real flaw this is modelled on' }],
    tlp: 'AMBER+STRICT',
    tier: 'important',
  },
  steps: [
    { at: '2025-10-06T10:00:00.000Z', by: 'analyst@operator.demo', do: 'assign', to: 'analyst@operator.demo' },
    {
      at: '2025-10-06T10:05:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'triaged',
      reason: 'Critical; proof of concept included.',
    },
    {
      at: '2025-10-07T09:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'confirmed',
      reason: 'Reproduced on an NX-4400 lab device.',
    },
    { at: '2025-10-07T09:30:00.000Z', by: 'analyst@operator.demo', do: 'vendor', org: 'network' },
    {
      at: '2025-10-07T09:35:00.000Z',
      by: 'analyst@operator.demo',
      do: 'transition',
      to: 'coordinating',
      reason: 'Vendor brought in; disclosure planned 90 days after the report.',
    },
    {
      at: '2025-10-08T08:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body: 'Northwind Networks has been asked to confirm the affected versions and a fix date.',
    },
    {
      at: '2025-11-12T14:00:00.000Z',
      by: 'analyst@network.demo',
      do: 'statement',
      productIndex: 0,
      status: 'known_affected',
      statement: 'Confirmed on 17.0 to 17.9.4. Fixed release 17.9.5 is scheduled; disable the HTTP server meanwhile.',
    },
    {
      at: '2025-11-12T15:00:00.000Z',
      by: 'analyst@operator.demo',
      do: 'comment',
      body: 'Northwind confirmed the flaw and scheduled a fix. The embargo holds.',
    },
  ],
};
