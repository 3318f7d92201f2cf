import { type Command, Option } from 'commander';
import { tiers } from '../modules/keys/index.ts';
import { withContainer } from './context.ts';
import { printJson, printLine, printTable } from './output.ts';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('per-tier data encryption keys');

  keys
    .command('rotate')
    .description('retire the active data key of every tier (or one) and re-encrypt stored data under the new keys')
    .addOption(new Option('--tier <tier>', 'rotate only this tier').choices(tiers))
    .option('--json', 'print the rotation result as JSON')
    .addHelpText('after', '\nExamples:\n  threatshare keys rotate\n  threatshare keys rotate --tier core')
    .action(async (opts: { tier?: string; json?: boolean }) => {
      const result = await withContainer(({ container, actor }) =>
        container.modules.keys.service.rotate(actor, opts.tier),
      );
      if (opts.json) {
        printJson(result);
        return;
      }
      printTable(result.keys, [
        { header: 'TIER', value: (k) => k.tier },
        { header: 'RETIRED', value: (k) => k.retired },
        { header: 'ACTIVE', value: (k) => k.active },
      ]);
      const stores = Object.entries(result.reencrypted);
      if (stores.length === 0) printLine('re-encrypted: nothing (no encrypted stores yet)');
      for (const [store, count] of stores) printLine(`re-encrypted ${count} in ${store}`);
    });
}
