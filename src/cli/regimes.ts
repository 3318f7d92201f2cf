import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { checkRegimesFile, loadRegimes, toRegimeDto } from '../modules/regimes/index.ts';
import { EXIT_USAGE, parseUuid, withContainer } from './context.ts';
import { printJson, printLine, printTable } from './output.ts';

export function registerRegimesCommands(program: Command): void {
  const regimes = program.command('regimes').description('reporting regimes: list, check a regimes file, assign');

  regimes
    .command('list')
    .description('list the built-in regimes and those of REGIMES_FILE, with their obligations')
    .option('--json', 'print {items} as JSON')
    .addHelpText('after', '\nExample:\n  REGIMES_FILE=/etc/threatshare/regimes.json threatshare regimes list')
    .action((opts: { json?: boolean }) => {
      const all = loadRegimes(loadConfig().REGIMES_FILE);
      if (opts.json) {
        printJson({ items: all.map(toRegimeDto) });
        return;
      }
      const rows = all.flatMap((r) =>
        r.obligations.map((o) => ({ regime: r.id, source: r.builtIn ? 'built-in' : 'file', ...o })),
      );
      printTable(rows, [
        { header: 'REGIME', value: (o) => o.regime },
        { header: 'SOURCE', value: (o) => o.source },
        { header: 'OBLIGATION', value: (o) => o.key },
        { header: 'STAGE', value: (o) => o.stage },
        { header: 'DUE', value: (o) => `${o.trigger} + ${o.period}` },
        { header: 'TITLE', value: (o) => o.title },
      ]);
    });

  regimes
    .command('check')
    .description('validate a regimes file and list every problem (exit 2 if it is invalid)')
    .argument('<file>', 'a JSON file: {"regimes": [...]}')
    .addHelpText('after', '\nExample:\n  threatshare regimes check /etc/threatshare/regimes.json')
    .action((file: string) => {
      const { regimes: found, problems } = checkRegimesFile(file);
      if (problems.length === 0) {
        printLine(`OK: ${file} defines ${found.length} regime(s): ${found.map((r) => r.id).join(', ') || '-'}`);
        return;
      }
      process.stderr.write(`threatshare: ${file} is invalid (${problems.length} problem(s)):\n`);
      for (const p of problems) process.stderr.write(`  ${p.pointer}: ${p.detail}\n`);
      process.exitCode = EXIT_USAGE;
    });

  regimes
    .command('assign')
    .description('bind an organisation to a regime (audited)')
    .argument('<orgId>', 'organisation id', parseUuid)
    .argument('<regimeId>', 'regime id, e.g. cn-2021')
    .addHelpText('after', '\nExample:\n  threatshare regimes assign 0b9f3c1e-5d2a-4f7e-9a51-2c7d8e6f4a10 eu-cra-art14')
    .action(async (orgId: string, regimeId: string) => {
      await withContainer(({ container, actor }) =>
        container.modules.regimes.service.assignRegime(actor, orgId, regimeId),
      );
      printLine(`assigned ${regimeId} to organisation ${orgId}`);
    });

  regimes
    .command('unassign')
    .description('release an organisation from a regime (audited)')
    .argument('<orgId>', 'organisation id', parseUuid)
    .argument('<regimeId>', 'regime id')
    .addHelpText('after', '\nExample:\n  threatshare regimes unassign 0b9f3c1e-5d2a-4f7e-9a51-2c7d8e6f4a10 cve-cna')
    .action(async (orgId: string, regimeId: string) => {
      await withContainer(({ container, actor }) =>
        container.modules.regimes.service.unassignRegime(actor, orgId, regimeId),
      );
      printLine(`unassigned ${regimeId} from organisation ${orgId}`);
    });
}
