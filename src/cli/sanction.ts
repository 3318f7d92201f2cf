import { type Command, Option } from 'commander';
import type { Static } from 'typebox';
import {
  ApprovalBody,
  DecideBody,
  ProposeBody,
  type SanctionRow,
  type SanctionStatus,
  sanctionDecisions,
  sanctionStatuses,
  toReviewDto,
  toSanctionDto,
} from '../modules/sanctions/index.ts';
import { sanctionMeasures } from '../modules/violations/index.ts';
import { checkInput, EXIT_FAILED, parseInteger, parseUuid, withContainer } from './context.ts';
import { isoDate, printFields, printJson, printLine, printPageNote, printTable } from './output.ts';

// The CLI acts as the system principal, which has no user account: four-eyes excludes no one here, so with
// SANCTIONS_FOUR_EYES on, `decide` still waits for an approval, and `approve` from the CLI gives it.

const measureOption = (description: string) => new Option('--measure <measure>', description).choices(sanctionMeasures);

function printSanctions(rows: readonly (SanctionRow & { orgName?: string })[]): void {
  printTable(rows, [
    { header: 'ID', value: (s) => s.id },
    { header: 'ORG', value: (s) => s.orgName ?? s.orgId },
    { header: 'MEASURE', value: (s) => s.measure },
    { header: 'PERIOD', value: (s) => s.period },
    { header: 'STATUS', value: (s) => s.status },
    { header: 'STARTS', value: (s) => isoDate(s.startsAt) },
    { header: 'ENDS', value: (s) => isoDate(s.endsAt) },
    { header: 'REASON', value: (s) => s.decisionReason ?? s.reason },
  ]);
}

function printSanction(s: SanctionRow & { orgName?: string }): void {
  printFields([
    ['id', s.id],
    ['organisation', `${s.orgName ?? ''} (${s.orgId})`],
    ['violation', s.violationId],
    ['measure', s.measure],
    ['period', s.period],
    ['status', s.status],
    ['source', s.source],
    ['reason', s.reason],
    ['legal basis', s.legalBasis],
    ['proposed', `${isoDate(s.proposedAt)} by ${s.proposedByLabel}: ${s.proposedMeasure} ${s.proposedPeriod ?? ''}`],
    ['decision', s.decision ? `${s.decision} by ${s.decidedByLabel} at ${isoDate(s.decidedAt)}` : null],
    ['decision reason', s.decisionReason],
    ['approved', s.approvedAt ? `by ${s.approvedByLabel} at ${isoDate(s.approvedAt)}` : null],
    ['starts', isoDate(s.startsAt)],
    ['ends', isoDate(s.endsAt)],
    ['outcome', s.outcome],
  ]);
}

/** Prints the sanction as the API does, or one line for people. */
function report(verb: string, s: SanctionRow, json: boolean | undefined): void {
  if (json) printJson(toSanctionDto(s));
  else printLine(`${verb} ${s.measure}${s.period ? ` (${s.period})` : ''} ${s.id}: ${s.status}`);
}

export function registerSanctionCommands(program: Command): void {
  const sanction = program
    .command('sanction')
    .description('sanctions against partners: list, show, propose, decide, approve, sweep (as the system)')
    .addHelpText(
      'after',
      '\nThe CLI acts as the system principal, which has no user account: four-eyes (SANCTIONS_FOUR_EYES) excludes' +
        '\nno one here. `decide` still waits for an approval, and `approve` from the CLI gives it. See docs/sanctions.md.',
    );

  sanction
    .command('list')
    .description('list sanctions, newest first')
    .option('--org <id>', 'only this organisation', parseUuid)
    .addOption(new Option('--status <status>', 'only this status').choices(sanctionStatuses))
    .option('--limit <n>', 'at most this many (1-200)', parseInteger(1, 200), 50)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare sanction list --status proposed')
    .action(async (opts: { org?: string; status?: SanctionStatus; limit: number; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.sanctions.service.listSanctions(actor, {
          orgId: opts.org,
          status: opts.status,
          limit: opts.limit,
          offset: 0,
        }),
      );
      if (opts.json) {
        printJson({ items: page.items.map(toSanctionDto), total: page.total });
        return;
      }
      printSanctions(page.items);
      printPageNote(page.items.length, page.total);
    });

  sanction
    .command('show')
    .description('show a sanction and its reviews')
    .argument('<id>', 'sanction id', parseUuid)
    .option('--json', 'print the sanction (with fourEyes and reviews) as JSON')
    .action(async (id: string, opts: { json?: boolean }) => {
      const { found, fourEyes } = await withContainer(async ({ container, actor }) => {
        const service = container.modules.sanctions.service;
        return { found: await service.getSanction(actor, id), fourEyes: service.fourEyes() };
      });
      if (opts.json) {
        printJson({ ...toSanctionDto(found), fourEyes, reviews: found.reviews.map(toReviewDto) });
        return;
      }
      printSanction(found);
      if (found.reviews.length === 0) return;
      printLine();
      printLine('reviews:');
      printTable(found.reviews, [
        { header: 'ID', value: (r) => r.id },
        { header: 'ROUND', value: (r) => r.round },
        { header: 'STATUS', value: (r) => r.status },
        { header: 'OPENED', value: (r) => isoDate(r.openedAt) },
        { header: 'DECISION', value: (r) => r.decision },
      ]);
    });

  sanction
    .command('propose')
    .description('propose a sanction by hand; it is decided like a proposal of the policy')
    .requiredOption('--org <id>', 'the partner organisation', parseUuid)
    .addOption(measureOption('warning, suspension or revocation').makeOptionMandatory())
    .option('--period <duration>', 'a suspension: how long, ISO 8601 (P6M)')
    .option('--violation <id>', 'the violation it answers', parseUuid)
    .requiredOption('--reason <text>', 'why: shown to the partner once the sanction is in force')
    .option('--legal-basis <text>', 'the clause it rests on')
    .option('--json', 'print the sanction as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  threatshare sanction propose --org <orgId> --measure suspension --period P6M \\\n' +
        '    --reason "Reported a critical vulnerability 13 days late" --legal-basis "Partner agreement §8"',
    )
    .action(
      async (opts: {
        org: string;
        measure: string;
        period?: string;
        violation?: string;
        reason: string;
        legalBasis?: string;
        json?: boolean;
      }) => {
        const input = checkInput<Static<typeof ProposeBody>>(ProposeBody, {
          orgId: opts.org,
          violationId: opts.violation,
          measure: opts.measure,
          period: opts.period,
          reason: opts.reason,
          legalBasis: opts.legalBasis,
        });
        const row = await withContainer(({ container, actor }) =>
          container.modules.sanctions.service.propose(actor, input),
        );
        report('proposed', row, opts.json);
      },
    );

  sanction
    .command('decide')
    .description('confirm, change (with a reason) or dismiss (with a reason) a proposed sanction')
    .argument('<id>', 'sanction id', parseUuid)
    .addOption(new Option('--decision <decision>', 'what to do').choices(sanctionDecisions).makeOptionMandatory())
    .option('--reason <text>', 'required to change or dismiss')
    .addOption(measureOption('with change: another measure'))
    .option('--period <duration>', 'with change: another period (ISO 8601, P3M)')
    .option('--starts-at <iso>', 'a later start (default: now)')
    .option('--ends-at <iso>', 'a suspension: its end, instead of the period')
    .option('--legal-basis <text>', 'the clause it rests on')
    .option('--json', 'print the sanction as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  threatshare sanction decide <id> --decision confirm\n' +
        '  threatshare sanction decide <id> --decision change --period P3M --reason "First violation"',
    )
    .action(
      async (
        id: string,
        opts: {
          decision: string;
          reason?: string;
          measure?: string;
          period?: string;
          startsAt?: string;
          endsAt?: string;
          legalBasis?: string;
          json?: boolean;
        },
      ) => {
        const { json, ...fields } = opts;
        const input = checkInput<Static<typeof DecideBody>>(DecideBody, fields);
        const row = await withContainer(({ container, actor }) =>
          container.modules.sanctions.service.decide(actor, id, input),
        );
        report('decided', row, json);
      },
    );

  sanction
    .command('approve')
    .description('four-eyes: approve a decision awaiting a second manager, or refuse it with a reason')
    .argument('<id>', 'sanction id', parseUuid)
    .option('--refuse', 'refuse: the sanction is a proposal again')
    .option('--reason <text>', 'required with --refuse')
    .option('--json', 'print the sanction as JSON')
    .addHelpText('after', '\nExample:\n  threatshare sanction approve <id> --refuse --reason "Period too long"')
    .action(async (id: string, opts: { refuse?: boolean; reason?: string; json?: boolean }) => {
      const input = checkInput<Static<typeof ApprovalBody>>(ApprovalBody, {
        approve: !opts.refuse,
        reason: opts.reason,
      });
      const row = await withContainer(({ container, actor }) =>
        container.modules.sanctions.service.approve(actor, id, input),
      );
      report(opts.refuse ? 'refused' : 'approved', row, opts.json);
    });

  sanction
    .command('sweep')
    .description('now, as the sanctions.sweep job does: propose for new violations, start due sanctions, open reviews')
    .option('--json', 'print {proposed, started, reviewsOpened, failed} as JSON')
    .action(async (opts: { json?: boolean }) => {
      const { failed, ...counts } = await withContainer(async ({ container }) => {
        const { service, reviews } = container.modules.sanctions;
        const proposed = await service.proposeForViolations();
        return { proposed: proposed.length, ...(await reviews.sweep()) };
      });
      const failures = failed.map((f) => ({ sanctionId: f.sanctionId, error: f.message }));
      if (opts.json) printJson({ ...counts, failed: failures });
      else {
        printLine(
          `proposed ${counts.proposed} sanction(s), started ${counts.started}, opened ${counts.reviewsOpened} review(s)`,
        );
      }
      if (failures.length) {
        process.stderr.write(
          `threatshare: ${failures.length} due sanction(s) failed: ${failed.map((f) => f.message).join('; ')}\n`,
        );
        process.exitCode = EXIT_FAILED;
      }
    });
}
