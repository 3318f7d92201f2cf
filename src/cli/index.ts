import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { version } from '../container.ts';
import { registerAuditCommands } from './audit.ts';
import { reportError } from './context.ts';
import { registerDemoCommand } from './demo.ts';
import { registerImportCommands } from './import.ts';
import { registerKeysCommands } from './keys.ts';
import { registerMigrateCommand } from './migrate.ts';
import { registerOrgCommands } from './org.ts';
import { registerRegimesCommands } from './regimes.ts';
import { registerReportCommands } from './report.ts';
import { registerReviewCommands } from './review.ts';
import { registerSanctionCommands } from './sanction.ts';
import { registerServeCommand } from './serve.ts';
import { registerTokenCommands } from './token.ts';
import { registerUserCommands } from './user.ts';
import { registerViolationsCommands } from './violations.ts';

/** The `threatshare` program. Settings (exit override, output) are set first so every subcommand inherits them. */
export function buildProgram(): Command {
  const program = new Command('threatshare')
    .description('threatshare: cyber-threat and vulnerability information sharing platform')
    .version(version, '-V, --version')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      // Usage errors as one line: `threatshare: <what is wrong>`.
      outputError: (message, write) =>
        write(
          `threatshare: ${message
            .replace(/^error: /, '')
            .replace(/\s*\n\s*/g, ' ')
            .trim()}\n`,
        ),
    })
    .addHelpText(
      'after',
      '\nSettings come from the environment (DATA_DIR, DATABASE_URL, ...) or the JSON file named by THREATSHARE_CONFIG.' +
        '\nExit codes: 0 done, 1 unexpected failure or failed check, 2 refused input or configuration.',
    );
  registerServeCommand(program);
  registerMigrateCommand(program);
  registerOrgCommands(program);
  registerRegimesCommands(program);
  registerViolationsCommands(program);
  registerSanctionCommands(program);
  registerReviewCommands(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerAuditCommands(program);
  registerKeysCommands(program);
  registerImportCommands(program);
  registerReportCommands(program);
  registerDemoCommand(program);
  return program;
}

/** Runs the CLI; resolves to the exit code (a command may also set process.exitCode, e.g. a failed verify). */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    return reportError(error);
  }
}

const isEntry = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntry) process.exitCode = await main();
