import { type Command, Option } from 'commander';
import type { Static } from 'typebox';
import {
  ReviewDecisionBody,
  type ReviewRow,
  type ReviewStatus,
  reviewDecisions,
  reviewStatuses,
  toRectificationDto,
  toReviewDto,
  toSanctionDto,
} from '../modules/sanctions/index.ts';
import { checkInput, parseInteger, parseUuid, withContainer } from './context.ts';
import { isoDate, printFields, printJson, printLine, printPageNote, printTable } from './output.ts';

function printReviews(rows: readonly (ReviewRow & { orgName?: string })[]): void {
  printTable(rows, [
    { header: 'ID', value: (r) => r.id },
    { header: 'ORG', value: (r) => r.orgName ?? r.orgId },
    { header: 'SANCTION', value: (r) => r.sanctionId },
    { header: 'ROUND', value: (r) => r.round },
    { header: 'STATUS', value: (r) => r.status },
    { header: 'OPENED', value: (r) => isoDate(r.openedAt) },
    { header: 'DECISION', value: (r) => r.decision },
  ]);
}

export function registerReviewCommands(program: Command): void {
  const review = program
    .command('review')
    .description('reinstatement reviews of ended suspensions: list, show, decide (as the system)');

  review
    .command('list')
    .description('list reviews, newest first')
    .option('--org <id>', 'only this organisation', parseUuid)
    .addOption(new Option('--status <status>', 'only this status').choices(reviewStatuses))
    .option('--limit <n>', 'at most this many (1-200)', parseInteger(1, 200), 50)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare review list --status rectification_submitted')
    .action(async (opts: { org?: string; status?: ReviewStatus; limit: number; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.sanctions.reviews.listReviews(actor, {
          orgId: opts.org,
          status: opts.status,
          limit: opts.limit,
          offset: 0,
        }),
      );
      if (opts.json) {
        printJson({ items: page.items.map(toReviewDto), total: page.total });
        return;
      }
      printReviews(page.items);
      printPageNote(page.items.length, page.total);
    });

  review
    .command('show')
    .description('show a review with its sanction and the rectifications submitted (attachments as metadata)')
    .argument('<id>', 'review id', parseUuid)
    .option('--json', 'print the review (with sanction and rectifications) as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const r = await withContainer(({ container, actor }) => container.modules.sanctions.reviews.getReview(actor, id));
      const rectifications = r.rectifications.map(toRectificationDto);
      if (opts.json) {
        printJson({
          ...toReviewDto(r),
          sanction: toSanctionDto({ ...r.sanction, orgName: r.orgName }),
          rectifications,
        });
        return;
      }
      printFields([
        ['id', r.id],
        ['organisation', `${r.orgName} (${r.orgId})`],
        [
          'sanction',
          `${r.sanction.measure} ${r.sanction.id}, ${isoDate(r.sanction.startsAt)} – ${isoDate(r.sanction.endsAt)}`,
        ],
        ['round', r.round],
        ['status', r.status],
        ['opened', isoDate(r.openedAt)],
        ['decision', r.decision ? `${r.decision} by ${r.decidedByLabel} at ${isoDate(r.decidedAt)}` : null],
        ['decision reason', r.decisionReason],
        ['new end', isoDate(r.newEndsAt)],
      ]);
      for (const x of rectifications) {
        printLine();
        printLine(`rectification ${x.id}, ${x.submittedAt} by ${x.submittedByLabel}:`);
        printFields([
          ['summary', x.summary],
          ['processes', x.processes],
          ['contacts', x.contacts],
          ['tooling', x.tooling],
          ['attachments', x.attachments.map((a) => `${a.filename} (${a.size} bytes, sha256 ${a.sha256})`).join(', ')],
        ]);
      }
    });

  review
    .command('decide')
    .description('reinstate (status active), extend (suspended until --ends-at) or revoke, with a reason')
    .argument('<id>', 'review id', parseUuid)
    .addOption(new Option('--decision <decision>', 'what to do').choices(reviewDecisions).makeOptionMandatory())
    .requiredOption('--reason <text>', 'why: shown to the partner')
    .option('--ends-at <iso>', 'with extend: the new end of the suspension')
    .option('--json', 'print the review as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  threatshare review decide <id> --decision reinstate --reason "The rectification addresses the cause"\n' +
        '  threatshare review decide <id> --decision extend --ends-at 2026-12-31T00:00:00Z --reason "Incomplete"',
    )
    .action(async (id: string, opts: { decision: string; reason: string; endsAt?: string; json?: boolean }) => {
      const input = checkInput<Static<typeof ReviewDecisionBody>>(ReviewDecisionBody, {
        decision: opts.decision,
        reason: opts.reason,
        endsAt: opts.endsAt,
      });
      const decided = await withContainer(({ container, actor }) =>
        container.modules.sanctions.reviews.decideReview(actor, id, input),
      );
      if (opts.json) printJson(toReviewDto(decided));
      else printLine(`review ${decided.id}: ${decided.decision}`);
    });
}
