import { forbidden, validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { type Principal, systemPrincipal } from '../../shared/principal.ts';
import { capabilitiesOf, type PartnerStatus } from '../organisations/index.ts';
import { loadVisible, type ReportsDeps } from './reports.context.ts';
import { canAnswerAsVendor, canTriage } from './reports.policy.ts';
import { reportsRepository as repo } from './reports.repository.ts';

export const vexStatuses = ['known_affected', 'known_not_affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof vexStatuses)[number];

/** CSAF 2.0 §3.2.3.5 flags: why a product is not affected. */
export const vexJustifications = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'vulnerable_code_not_in_execute_path',
  'inline_mitigations_already_exist',
] as const;

export interface StatementInput {
  productIndex: number;
  status: VexStatus;
  justification?: (typeof vexJustifications)[number];
  statement: string;
}

export function createCoordination(
  deps: ReportsDeps & {
    findOrg: (
      id: string,
    ) => Promise<{ id: string; name: string; kind: string; partnerStatus: string | null } | undefined>;
  },
) {
  const { db, clock, audit, notifications } = deps;
  const partnerOnly = (tlp: string) => !['CLEAR', 'GREEN'].includes(tlp);

  return {
    /** Brings a vendor organisation into a report: it then sees this report, and only this one. */
    async addVendor(actor: Principal, id: string, orgId: string) {
      const { report } = await loadVisible(deps, actor, id);
      if (!canTriage(actor)) {
        throw await audit.deny(
          actor,
          { action: 'report.add_vendor', orgId: report.reporterOrgId, subjectType: 'report', subjectId: id },
          forbidden('report.coordination_forbidden', 'Only operator analysts bring vendors into a report'),
        );
      }
      const org = await deps.findOrg(orgId);
      if (!org || org.kind === 'operator' || org.id === report.reporterOrgId) {
        throw validationError('report.vendor_invalid', `Organisation ${orgId} cannot be brought in as a vendor`, [
          { pointer: '/orgId', detail: 'must be another organisation than the reporter and the operator' },
        ]);
      }
      return db.transaction(async (tx) => {
        const added = await repo.insertVendor(tx, {
          reportId: id,
          orgId,
          addedBy: actor.label,
          addedAt: clock.now(),
        });
        if (added) {
          await audit.record(tx, actor, {
            action: 'report.vendor_added',
            orgId: report.reporterOrgId,
            subjectType: 'report',
            subjectId: id,
            summary: { ref: report.ref, vendorOrgId: orgId, vendor: org.name },
          });
          // A vendor whose status withholds partner-only content is not told of what it cannot see.
          if (
            !partnerOnly(report.tlp) ||
            capabilitiesOf(org.partnerStatus as PartnerStatus | null).receivesPartnerOnly
          ) {
            await notifications.notify(tx, {
              orgId,
              kind: 'report.coordination_request',
              title: `Coordination request: report ${report.ref}`,
              body:
                `The operator asks you to check whether your products are affected by report ${report.ref} ` +
                `(TLP:${report.tlp}), and to give a statement for each product listed.`,
              link: `/reports/${id}`,
              subjectType: 'report',
              subjectId: id,
            });
          }
        }
        return { added };
      });
    },

    /** A vendor's first look at the report is recorded once. */
    async noteSeen(actor: Principal, reportId: string, reporterOrgId: string) {
      if (!actor.orgId) return;
      await db.transaction(async (tx) => {
        if (await repo.markVendorSeen(tx, reportId, actor.orgId!, clock.now())) {
          await audit.record(tx, actor, {
            action: 'report.vendor_first_seen',
            orgId: reporterOrgId,
            subjectType: 'report',
            subjectId: reportId,
            summary: { vendorOrgId: actor.orgId },
          });
        }
      });
    },

    async addStatement(actor: Principal, id: string, input: StatementInput) {
      const { report, relation } = await loadVisible(deps, actor, id);
      if (!canAnswerAsVendor(actor, relation)) {
        throw await audit.deny(
          actor,
          { action: 'report.vendor_statement', orgId: report.reporterOrgId, subjectType: 'report', subjectId: id },
          forbidden('report.statement_forbidden', 'Only vendors brought into this report answer for it'),
        );
      }
      if (input.productIndex >= report.products.length) {
        throw validationError('report.product_unknown', `The report lists ${report.products.length} product(s)`, [
          { pointer: '/productIndex', detail: `must be below ${report.products.length}` },
        ]);
      }
      if (input.status === 'known_not_affected' && !input.justification) {
        throw validationError('report.justification_required', 'Say why the product is not affected', [
          { pointer: '/justification', detail: 'is required for known_not_affected (CSAF 2.0 §3.2.3.5)' },
        ]);
      }
      const row = {
        id: newId(),
        reportId: id,
        orgId: actor.orgId!,
        productIndex: input.productIndex,
        status: input.status,
        justification: input.justification ?? null,
        statement: input.statement,
        createdBy: actor.label,
        createdAt: clock.now(),
      };
      await db.transaction(async (tx) => {
        await repo.markVendorSeen(tx, id, actor.orgId!, row.createdAt);
        await repo.insertStatement(tx, row);
        await audit.record(tx, actor, {
          action: 'report.vendor_statement_added',
          orgId: report.reporterOrgId,
          subjectType: 'report',
          subjectId: id,
          summary: { ref: report.ref, productIndex: input.productIndex, status: input.status },
        });
      });
      return row;
    },

    /**
     * Reminds vendors that have not answered `afterMs` after being brought in, at most once per interval.
     * Idempotent: running it twice at the same time reminds nobody twice.
     */
    async remindSilentVendors(afterMs: number): Promise<number> {
      const now = clock.now();
      const actor = systemPrincipal('coordination');
      let reminded = 0;
      for (const vendor of await repo.silentVendors(db, new Date(now.getTime() - afterMs))) {
        if (vendor.lastRemindedAt && now.getTime() - vendor.lastRemindedAt.getTime() < afterMs) continue;
        const claimed = await db.transaction(async (tx) => {
          if (!(await repo.markReminded(tx, vendor.reportId, vendor.orgId, now, new Date(now.getTime() - afterMs)))) {
            return false;
          }
          await audit.record(tx, actor, {
            action: 'report.vendor_reminded',
            orgId: vendor.orgId,
            subjectType: 'report',
            subjectId: vendor.reportId,
            summary: { vendorOrgId: vendor.orgId, reminder: vendor.reminders + 1 },
          });
          await notifications.notify(tx, {
            orgId: vendor.orgId,
            kind: 'report.coordination_reminder',
            title: `Reminder: report ${vendor.ref} awaits your statement`,
            body: `You were brought into report ${vendor.ref} on ${vendor.addedAt.toISOString().slice(0, 10)} and have not answered yet.`,
            link: `/reports/${vendor.reportId}`,
            subjectType: 'report',
            subjectId: vendor.reportId,
          });
          return true;
        });
        if (claimed) reminded += 1;
      }
      return reminded;
    },
  };
}
