import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { loadRegimes } from '../modules/regimes/index.ts';
import {
  checkRulesFile,
  loadRules,
  toRuleDto,
  toViolationDto,
  type ViolationRow,
} from '../modules/violations/index.ts';
import { EXIT_USAGE, parseUuid, withContainer } from './context.ts';
import { printJson, printLine, printTable } from './output.ts';

const regimeIds = () => loadRegimes(loadConfig().REGIMES_FILE).map((r) => r.id);

function printViolations(rows: readonly ViolationRow[]): void {
  printTable(rows, [
    { header: 'ID', value: (v) => v.id },
    { header: 'ORG', value: (v) => v.orgId },
    { header: 'RULE', value: (v) => v.ruleId },
    { header: 'SEVERITY', value: (v) => v.severity },
    { header: 'STATUS', value: (v) => v.status },
    { header: 'OPENED', value: (v) => v.openedAt.toISOString() },
    { header: 'SUMMARY', value: (v) => v.summary },
  ]);
}

export function registerViolationsCommands(program: Command): void {
  const violations = program
    .command('violations')
    .description('partner programme violations: rules, evaluation, listing');
  const rules = violations.command('rules').description('the violation rules: list them, check a rules file');

  rules
    .command('check')
    .description('validate a violation rules file and list every problem (exit 2 if it is invalid)')
    .argument('<file>', 'a JSON file: {"rules": [...]}')
    .addHelpText('after', '\nExample:\n  threatshare violations rules check /etc/threatshare/violation-rules.json')
    .action((file: string) => {
      const { rules: found, problems } = checkRulesFile(file, { regimeIds: regimeIds() });
      if (problems.length === 0) {
        printLine(`OK: ${file} defines ${found.length} rule(s): ${found.map((r) => r.id).join(', ') || '-'}`);
        return;
      }
      process.stderr.write(`threatshare: ${file} is invalid (${problems.length} problem(s)):\n`);
      for (const p of problems) process.stderr.write(`  ${p.pointer}: ${p.detail}\n`);
      process.exitCode = EXIT_USAGE;
    });

  rules
    .command('list')
    .description('list the active rules: the built-ins, or those of VIOLATION_RULES_FILE')
    .option('--json', 'print {items} as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  VIOLATION_RULES_FILE=/etc/threatshare/violation-rules.json threatshare violations rules list',
    )
    .action((opts: { json?: boolean }) => {
      const active = loadRules(loadConfig().VIOLATION_RULES_FILE, { regimeIds: regimeIds() });
      if (opts.json) {
        printJson({ items: active.map(toRuleDto) });
        return;
      }
      printTable(active, [
        { header: 'RULE', value: (r) => r.id },
        { header: 'SOURCE', value: (r) => (r.builtIn ? 'built-in' : 'file') },
        { header: 'SEVERITY', value: (r) => r.severity },
        { header: 'KIND', value: (r) => r.when.kind },
        { header: 'NAME', value: (r) => r.name },
      ]);
    });

  violations
    .command('evaluate')
    .description('run the rules now and open the violations not opened before (audited; idempotent)')
    .option('--json', 'print {opened, items} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare violations evaluate')
    .action(async (opts: { json?: boolean }) => {
      const opened = await withContainer(({ container, actor }) =>
        container.modules.violations.service.evaluateNow(actor),
      );
      if (opts.json) {
        printJson({ opened: opened.length, items: opened.map((v) => toViolationDto(v)) });
        return;
      }
      printLine(`opened ${opened.length} violation(s)`);
      if (opened.length) printViolations(opened);
    });

  violations
    .command('list')
    .description('list violations, newest first')
    .option('--org <id>', 'only this organisation', parseUuid)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare violations list --org 0b9f3c1e-5d2a-4f7e-9a51-2c7d8e6f4a10')
    .action(async (opts: { org?: string; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.violations.service.listViolations(actor, { orgId: opts.org, limit: 200, offset: 0 }),
      );
      if (opts.json) {
        printJson({ items: page.items.map((v) => toViolationDto(v)), total: page.total });
        return;
      }
      printViolations(page.items);
    });
}
