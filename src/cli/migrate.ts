import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import { printJson, printLine } from './output.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (all of them, or none) and exit')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  DATABASE_URL=postgres://ts@db/threatshare threatshare migrate')
    .action(async (opts: { json?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
      try {
        await database.migrate();
      } finally {
        await database.close();
      }
      if (opts.json) printJson({ ok: true, database: database.kind });
      else printLine(`migrations applied (${database.kind})`);
    });
}
