import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { ImportProgress, ImportResult, KevImportResult } from '../modules/catalog/index.ts';
import { EXIT_FAILED, withContainer } from './context.ts';
import { printJson, printLine } from './output.ts';

/** A progress bar on stderr, only for a person watching: not with --json, not when stderr is a pipe or file. */
function progressBar(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { update: (_: ImportProgress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'importing [{bar}] {percentage}% | {value}/{total} files | {eta_formatted} left',
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: ({ processed, total }: ImportProgress) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.setTotal(total);
      bar.update(processed);
    },
    stop: () => started && bar.stop(),
  };
}

const summary = (what: string, r: ImportResult | KevImportResult) =>
  `${what}: ${r.read} read, ${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged` +
  ('skipped' in r ? `, ${r.skipped} skipped (not records)` : '') +
  `, ${r.failed.length} failed` +
  ('schemaProblems' in r && r.schemaProblems > 0 ? ` (${r.schemaProblems} with schema problems, imported)` : '');

export function registerImportCommands(program: Command): void {
  const command = program.command('import').description('import public vulnerability data (CVE records, CISA KEV)');

  command
    .command('cve')
    .description('import CVE JSON 5 records from a directory tree (cvelistV5 layout or any), a .zip of one, or a file')
    .argument('<source>', 'directory, .zip or .json file')
    .option('--json', 'print the counts (and failures) as JSON')
    .addHelpText(
      'after',
      '\nRe-importing updates only records whose content changed; an older copy never replaces a newer one.' +
        '\nExample:\n  threatshare import cve ./cvelistV5-main.zip',
    )
    .action(async (source: string, opts: { json?: boolean }) => {
      const bar = progressBar(!opts.json);
      let result: ImportResult;
      try {
        result = await withContainer(({ container, actor }) =>
          container.modules.catalog.service.importCveRecords(actor, source, bar.update),
        );
      } finally {
        bar.stop();
      }
      if (opts.json) printJson(result);
      else {
        printLine(summary('CVE records', result));
        for (const f of result.failed.slice(0, 20)) process.stderr.write(`failed: ${f.file}: ${f.error}\n`);
        if (result.failed.length > 20) process.stderr.write(`(and ${result.failed.length - 20} more failures)\n`);
      }
      if (result.failed.length > 0) process.exitCode = EXIT_FAILED;
    });

  command
    .command('kev')
    .description('import a CISA Known Exploited Vulnerabilities catalog (known_exploited_vulnerabilities.json)')
    .argument('<file>', 'the catalog JSON file')
    .option('--json', 'print the counts as JSON')
    .addHelpText('after', '\nExample:\n  threatshare import kev ./known_exploited_vulnerabilities.json')
    .action(async (file: string, opts: { json?: boolean }) => {
      const result = await withContainer(({ container, actor }) =>
        container.modules.catalog.service.importKev(actor, file),
      );
      if (opts.json) printJson(result);
      else printLine(summary(`KEV catalog ${result.catalogVersion}`, result));
    });
}
