import type { Command } from 'commander';
import type { Static } from 'typebox';
import { CreateTokenBody, toTokenDto } from '../modules/tokens/index.ts';
import { scopes } from '../shared/principal.ts';
import { checkInput, parseInteger, parseList, parseUuid, withContainer } from './context.ts';
import { isoDate, printJson, printLine, printPageNote, printTable } from './output.ts';

type CreateTokenInput = Static<typeof CreateTokenBody>;

export function registerTokenCommands(program: Command): void {
  const token = program.command('token').description('API tokens: create, list and revoke');

  token
    .command('create')
    .description("issue an API token for a user, within the user's role; the secret is printed once")
    .requiredOption('--user <email>', 'e-mail address of the user the token acts for')
    .requiredOption('--name <name>', 'what the token is for, e.g. "SIEM import"')
    .requiredOption('--scopes <scopes>', `comma-separated: ${scopes.join(', ')}`, parseList(scopes))
    .option('--expires-in-days <days>', 'lifetime in days (1-365)', parseInteger(1, 365), 90)
    .option('--json', 'print {token, secret} as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  threatshare token create --user ana@example.com --name "SIEM import" --scopes read --expires-in-days 30',
    )
    .action(async (opts: { user: string; name: string; scopes: string[]; expiresInDays: number; json?: boolean }) => {
      const input = checkInput<CreateTokenInput>(CreateTokenBody, {
        name: opts.name,
        scopes: opts.scopes,
        expiresInDays: opts.expiresInDays,
      });
      const { token: created, secret } = await withContainer(({ container, actor }) =>
        container.modules.tokens.service.issueTokenForUser(actor, opts.user, input),
      );
      if (opts.json) {
        printJson({ token: toTokenDto(created), secret });
        return;
      }
      printLine(
        `created token ${created.name} (${created.id}) for ${opts.user.toLowerCase()}: ` +
          `scopes ${created.scopes.join(',')}, expires ${created.expiresAt.toISOString()}`,
      );
      printLine(`secret (shown once; send it as "Authorization: Bearer <secret>"): ${secret}`);
    });

  token
    .command('list')
    .description('list API tokens, newest first')
    .option('--org <orgId>', 'only tokens of this organisation', parseUuid)
    .option('--include-revoked', 'include revoked tokens')
    .option('--limit <n>', 'at most this many (1-200)', parseInteger(1, 200), 50)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare token list --org <orgId> --include-revoked')
    .action(async (opts: { org?: string; includeRevoked?: boolean; limit: number; json?: boolean }) => {
      const { page, now } = await withContainer(async ({ container, actor }) => ({
        page: await container.modules.tokens.service.listTokens(actor, {
          orgId: opts.org,
          includeRevoked: opts.includeRevoked ?? false,
          limit: opts.limit,
          offset: 0,
        }),
        now: container.clock.now(),
      }));
      if (opts.json) {
        printJson({ items: page.items.map(toTokenDto), total: page.total });
        return;
      }
      const state = (t: (typeof page.items)[number]) =>
        t.revokedAt ? 'revoked' : t.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
      printTable(page.items, [
        { header: 'ID', value: (t) => t.id },
        { header: 'NAME', value: (t) => t.name },
        { header: 'PREFIX', value: (t) => t.prefix },
        { header: 'USER', value: (t) => t.userName },
        { header: 'SCOPES', value: (t) => t.scopes.join(',') },
        { header: 'EXPIRES', value: (t) => isoDate(t.expiresAt) },
        { header: 'LAST USED', value: (t) => isoDate(t.lastUsedAt) },
        { header: 'STATE', value: state },
      ]);
      printPageNote(page.items.length, page.total);
    });

  token
    .command('revoke')
    .description('revoke an API token at once')
    .argument('<id>', 'token id', parseUuid)
    .option('--json', 'print the token as JSON')
    .addHelpText('after', '\nExample:\n  threatshare token revoke 3d9a8b7c-6e5f-4a3b-9c2d-1e0f9a8b7c6d')
    .action(async (id: string, opts: { json?: boolean }) => {
      const revoked = await withContainer(({ container, actor }) =>
        container.modules.tokens.service.revokeToken(actor, id),
      );
      if (opts.json) printJson(toTokenDto(revoked));
      else printLine(`revoked token ${revoked.name} (${revoked.id}, ${revoked.prefix}…)`);
    });
}
