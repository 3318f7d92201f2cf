import type { Command } from 'commander';
import { loadConfig } from '../config/config.ts';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('start the platform: HTTP API, web UI and background work (migrates the database first)')
    .addHelpText('after', '\nExample:\n  DATA_DIR=/var/lib/threatshare PORT=8080 threatshare serve')
    .action(async () => {
      // Loaded on demand: the HTTP stack is not needed by the other commands.
      const { serve } = await import('../main.ts');
      await serve(loadConfig());
    });
}
