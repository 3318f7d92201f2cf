import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { JSONWebKeySet } from 'jose';
import { type ReportInput, ReportInputSchema, stages, verifyReceipt } from '../modules/reports/index.ts';
import { validationError } from '../shared/errors.ts';
import { checkInput, EXIT_FAILED, parseUuid, withContainer } from './context.ts';
import { printFields, printJson, printLine, printTable } from './output.ts';

function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw validationError(
      'cli.unreadable',
      `cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw validationError('cli.not_json', `${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('vulnerability reports: submit, list, show');

  report
    .command('submit')
    .description(
      'submit a report (a JSON file shaped like POST /api/v1/reports) for an organisation; prints the receipt',
    )
    .argument('<file>', 'report JSON')
    .requiredOption('--org <orgId>', 'the reporting organisation', parseUuid)
    .addOption(new Option('--stage <stage>', 'submission stage').choices(stages).default('initial'))
    .option('--json', 'print the report id, ref and receipt as JSON')
    .action(async (file: string, opts: { org: string; stage: (typeof stages)[number]; json?: boolean }) => {
      const raw = readJson(file, 'report');
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw validationError('cli.invalid_input', `${file} must hold one report object`);
      }
      const input = checkInput<ReportInput>(ReportInputSchema, raw as Record<string, unknown>);
      await withContainer(async ({ container, actor }) => {
        const { report: row, submission } = await container.modules.reports.service.submitReport(
          actor,
          input,
          opts.stage,
          {
            source: 'cli',
            onBehalfOfOrgId: opts.org,
          },
        );
        const result = {
          id: row.id,
          ref: row.ref,
          stage: submission.stage,
          receivedAt: submission.receivedAt,
          receipt: submission.receipt,
        };
        if (opts.json) printJson(result);
        else
          printFields([
            ['id', result.id],
            ['ref', result.ref],
            ['stage', result.stage],
            ['received', result.receivedAt.toISOString()],
            ['receipt', result.receipt],
          ]);
      });
    });

  report
    .command('list')
    .description('list reports, newest first')
    .option('--status <statuses>', 'comma-separated statuses')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: string; json?: boolean }) => {
      await withContainer(async ({ container, actor }) => {
        const page = await container.modules.reports.service.listReports(
          actor,
          { status: opts.status?.split(',') },
          { limit: 200, offset: 0, sort: 'receivedAt', order: 'desc' },
        );
        if (opts.json) printJson(page);
        else
          printTable(page.items, [
            { header: 'ref', value: (r) => r.ref },
            { header: 'status', value: (r) => r.status },
            { header: 'severity', value: (r) => r.severity },
            { header: 'received', value: (r) => r.receivedAt.toISOString() },
            { header: 'reporter', value: (r) => r.reporterName },
            { header: 'title', value: (r) => r.title },
          ]);
      });
    });

  const receipt = program.command('receipt').description('signed receipts');
  receipt
    .command('verify')
    .description('check a receipt offline: its signature, and optionally that a file is the content it covers')
    .argument('<receipt>', 'the receipt (compact JWS) file')
    .option('--content <file>', 'the submitted JSON, to check against the receipt hash')
    .option(
      '--jwks <file>',
      'the published keys (/.well-known/threatshare-keys.json); default: this installation’s key',
    )
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { content?: string; jwks?: string; json?: boolean }) => {
      let jws: string;
      try {
        jws = readFileSync(file, 'utf8').trim();
      } catch {
        throw validationError('cli.unreadable', `cannot read receipt ${file}`);
      }
      const content = opts.content ? readJson(opts.content, 'content') : undefined;
      const jwks = opts.jwks
        ? (readJson(opts.jwks, 'key set') as JSONWebKeySet)
        : await withContainer(async ({ container }) => container.signer.jwks() as JSONWebKeySet);
      const result = await verifyReceipt(jws, jwks, content);
      if (opts.json) printJson(result);
      else if (result.valid) {
        const p = result.payload!;
        printLine(`OK: receipt for ${p.ref} (${p.stage}) received ${p.receivedAt}, audit entry ${p.auditSeq}`);
        printLine(`content sha-256 ${p.contentSha256}${result.contentMatches ? ' matches the content' : ''}`);
      } else printLine(`INVALID: ${result.problem}`);
      if (!result.valid) process.exitCode = EXIT_FAILED;
    });
}
