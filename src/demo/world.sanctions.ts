import type { At, OrgKey, UserRef } from './world.ts';

/**
 * The sanction that followed the late Log4Shell report (src/demo/world.log4j.ts), played through the partner
 * programme as it runs: the rules open the violations and the policy proposes a measure for each; the operator
 * warns Nimbus for the repeated late reporting, suspends it for six months for the CN 2021 breach and dismisses the
 * proposals that punish the same report twice; the suspension ends, the review opens, Nimbus answers with its
 * rectification and is reinstated.
 */

/** A proposal of the policy: the one for the violation of `rule`, over one obligation (`<regime>/<key>`) of `report`. */
export interface ProposalRef {
  rule: string;
  report?: string;
  obligation?: `${string}/${string}`;
}

/**
 * One step, at its time: `evaluate` runs the `violations.evaluate` job and the `sanctions.propose` job after it;
 * `sweep` runs the `sanctions.sweep` job (a suspension that has ended gets its review); the others are people acting.
 */
export type SanctionStep = { at: At } & (
  | { do: 'evaluate' }
  | {
      do: 'decide';
      by: UserRef;
      proposal: ProposalRef;
      decision: 'confirm' | 'dismiss';
      reason: string;
      legalBasis?: string;
    }
  | { do: 'sweep' }
  | {
      do: 'rectify';
      by: UserRef;
      summary: string;
      processes: string;
      contacts: string;
      tooling: string;
      attachment: { filename: string; text: string };
    }
  | { do: 'review'; by: UserRef; decision: 'reinstate' | 'extend' | 'revoke'; reason: string }
);

export interface SanctionStory {
  org: OrgKey;
  steps: readonly SanctionStep[];
}

const SAME_REPORT =
  'The same late report of CVE-2021-44228: already answered by the six-month suspension for the CN 2021 breach.';

export const log4shellSanctions: SanctionStory = {
  org: 'cloud',
  steps: [
    { at: '2021-12-20T08:00:00.000Z', do: 'evaluate' },
    {
      at: '2021-12-20T09:00:00.000Z',
      by: 'admin@operator.demo',
      do: 'decide',
      proposal: { rule: 'repeated-late-reporting' },
      decision: 'confirm',
      reason:
        'Reported CVE-2021-44228 on 2021-12-09, 13 days after becoming aware of it on 2021-11-24: the CN 2021 ' +
        'report and both EU CRA deadlines were missed.',
      legalBasis: '网络产品安全漏洞管理规定 (2021), Art. 7(2): report within 2 days',
    },
    {
      at: '2021-12-22T09:00:00.000Z',
      by: 'admin@operator.demo',
      do: 'decide',
      proposal: { rule: 'late-serious-report', report: 'log4shell', obligation: 'cn-2021/report' },
      decision: 'confirm',
      reason: 'Suspended as a cooperation partner for six months for the late report of CVE-2021-44228.',
      legalBasis: '网络产品安全漏洞管理规定 (2021), Art. 7(2); partner agreement §8',
    },
    ...(['early-warning', 'notification'] as const).map(
      (key): SanctionStep => ({
        at: '2021-12-22T09:10:00.000Z',
        by: 'admin@operator.demo',
        do: 'decide',
        proposal: { rule: 'late-serious-report', report: 'log4shell', obligation: `eu-cra-art14/${key}` },
        decision: 'dismiss',
        reason: SAME_REPORT,
      }),
    ),
    { at: '2022-06-22T09:00:00.000Z', do: 'sweep' },
    {
      at: '2022-06-23T10:00:00.000Z',
      by: 'admin@cloud.demo',
      do: 'rectify',
      summary: 'Vulnerability intake staffed 24/7; reports to the platform within 24 hours of awareness.',
      processes:
        'Every vulnerability we become aware of opens a ticket with the platform deadlines of each regime; the ' +
        'platform report no longer waits for the upstream fix.',
      contacts: 'The PSIRT lead owns platform reporting, with a named deputy; both are registered with the operator.',
      tooling: 'Reports are submitted through the platform API from the ticket; a dashboard shows running deadlines.',
      attachment: {
        filename: 'rectification-plan.txt',
        text:
          'Nimbus Cloud Services (DEMO): rectification plan\n\n' +
          '1. 24/7 vulnerability intake rota since 2022-01-10.\n' +
          '2. Platform report within 24 hours of awareness, before any upstream coordination.\n' +
          '3. Quarterly drill: time from awareness to platform receipt, reported to the board.\n',
      },
    },
    {
      at: '2022-06-24T09:00:00.000Z',
      by: 'admin@operator.demo',
      do: 'review',
      decision: 'reinstate',
      reason: 'Reinstated according to its rectification; reports since then arrived within the deadlines.',
    },
  ],
};
