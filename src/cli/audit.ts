import type { Command } from 'commander';
import { toAuditDto, type VerifyResult } from '../modules/audit/index.ts';
import { EXIT_FAILED, parseInteger, withContainer } from './context.ts';
import { printFields, printJson, printLine, printTable } from './output.ts';

function printVerifyResult(result: VerifyResult): void {
  const { checkpoints } = result;
  if (result.ok) {
    printLine(`OK: ${result.count} entries, ${checkpoints.verified} checkpoints verified`);
    return;
  }
  if (result.broken) printLine(`BROKEN at entry ${result.broken.seq}: ${result.broken.detail}`);
  else printLine(`chain intact: ${result.count} entries`);
  if (checkpoints.failed) {
    printLine(`CHECKPOINT FAILED at entry ${checkpoints.failed.seq}: ${checkpoints.failed.detail}`);
  }
  printLine(`${checkpoints.verified} of ${checkpoints.count} checkpoints verified`);
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('the tamper-evident audit log: verify, checkpoint, tail');

  audit
    .command('verify')
    .description('walk the whole hash chain and check every signed checkpoint; exit 1 at the first broken link')
    .option('--json', 'print the verification result as JSON')
    .addHelpText('after', '\nExample:\n  threatshare audit verify || alert "audit log broken"')
    .action(async (opts: { json?: boolean }) => {
      const result = await withContainer(({ container }) => container.modules.audit.service.verify());
      if (opts.json) printJson(result);
      else printVerifyResult(result);
      if (!result.ok) process.exitCode = EXIT_FAILED;
    });

  audit
    .command('checkpoint')
    .description('sign the current head of the chain, so later rewrites before it are detected')
    .option('--json', 'print the checkpoint as JSON')
    .addHelpText('after', '\nExample (e.g. hourly from cron):\n  threatshare audit checkpoint')
    .action(async (opts: { json?: boolean }) => {
      const cp = await withContainer(({ container, actor }) => container.modules.audit.service.checkpoint(actor));
      const view = { seq: Number(cp.seq), hash: cp.hash, keyId: cp.keyId, createdAt: cp.createdAt.toISOString() };
      if (opts.json) {
        printJson({ ...view, jws: cp.jws });
        return;
      }
      printFields([
        ['checkpoint at entry', view.seq],
        ['hash', view.hash],
        ['key id', view.keyId],
        ['signed at', view.createdAt],
      ]);
    });

  audit
    .command('tail')
    .description('show the latest audit entries, oldest first')
    .option('-n, --lines <n>', 'how many entries (1-500)', parseInteger(1, 500), 20)
    .option('--json', 'print the entries as JSON')
    .addHelpText('after', '\nExample:\n  threatshare audit tail -n 50')
    .action(async (opts: { lines: number; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.audit.service.list(actor, {}, { limit: opts.lines, offset: 0, order: 'desc' }),
      );
      const entries = page.items.map(toAuditDto).reverse();
      if (opts.json) {
        printJson(entries);
        return;
      }
      printTable(entries, [
        { header: 'SEQ', value: (e) => e.seq },
        { header: 'TIME', value: (e) => e.time },
        { header: 'ACTOR', value: (e) => e.actor.label },
        { header: 'ACTION', value: (e) => e.action },
        { header: 'SUBJECT', value: (e) => (e.subjectId ? `${e.subjectType}:${e.subjectId}` : e.subjectType) },
      ]);
    });
}
