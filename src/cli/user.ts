import { type Command, Option } from 'commander';
import type { Static } from 'typebox';
import { CreateUserBody, toUserDto } from '../modules/users/index.ts';
import { roles } from '../shared/principal.ts';
import { checkInput, parseInteger, parseUuid, readStdin, withContainer } from './context.ts';
import { printJson, printLine, printPageNote, printTable } from './output.ts';

type CreateUserInput = Static<typeof CreateUserBody>;

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('user accounts: create, list and disable');

  user
    .command('create')
    .description('create a user; without --password-stdin the platform picks a password and prints it once')
    .requiredOption('--org <orgId>', 'organisation id', parseUuid)
    .requiredOption('--email <email>', 'e-mail address, unique')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--role <role>', 'role in the organisation').choices(roles).makeOptionMandatory())
    .option('--password-stdin', 'read the password (at least 12 characters) from standard input')
    .option('--json', 'print {user, initialPassword?} as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  threatshare user create --org <orgId> --email ana@example.com --name "Ana Analyst" --role analyst\n' +
        '  printf %s "$PASSWORD" | threatshare user create --org <orgId> --email ana@example.com \\\n' +
        '    --name "Ana Analyst" --role analyst --password-stdin',
    )
    .action(
      async (opts: {
        org: string;
        email: string;
        name: string;
        role: string;
        passwordStdin?: boolean;
        json?: boolean;
      }) => {
        const password = opts.passwordStdin ? await readStdin() : undefined;
        const input = checkInput<CreateUserInput>(CreateUserBody, {
          orgId: opts.org,
          email: opts.email,
          name: opts.name,
          role: opts.role,
          password,
        });
        const { user: created, initialPassword } = await withContainer(({ container, actor }) =>
          container.modules.users.service.createUser(actor, input),
        );
        if (opts.json) {
          printJson(initialPassword ? { user: toUserDto(created), initialPassword } : { user: toUserDto(created) });
          return;
        }
        printLine(`created user ${created.email} (${created.id}) in ${created.orgName} as ${created.role}`);
        if (initialPassword) {
          printLine(`initial password (shown once; it must be changed at first sign-in): ${initialPassword}`);
        }
      },
    );

  user
    .command('list')
    .description('list users, by name')
    .option('--org <orgId>', 'only users of this organisation', parseUuid)
    .option('--q <text>', 'search in names and e-mail addresses')
    .option('--limit <n>', 'at most this many (1-200)', parseInteger(1, 200), 50)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare user list --org <orgId>')
    .action(async (opts: { org?: string; q?: string; limit: number; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.users.service.listUsers(actor, {
          orgId: opts.org,
          q: opts.q,
          limit: opts.limit,
          offset: 0,
          sort: 'name',
          order: 'asc',
        }),
      );
      if (opts.json) {
        printJson({ items: page.items.map(toUserDto), total: page.total });
        return;
      }
      printTable(page.items, [
        { header: 'ID', value: (u) => u.id },
        { header: 'EMAIL', value: (u) => u.email },
        { header: 'NAME', value: (u) => u.name },
        { header: 'ROLE', value: (u) => u.role },
        { header: 'ORGANISATION', value: (u) => u.orgName },
        { header: 'STATE', value: (u) => (u.disabledAt ? 'disabled' : 'active') },
      ]);
      printPageNote(page.items.length, page.total);
    });

  user
    .command('disable')
    .description('disable a user: sessions end at once and the user’s API tokens stop working')
    .argument('<id>', 'user id', parseUuid)
    .option('--json', 'print the user as JSON')
    .addHelpText('after', '\nExample:\n  threatshare user disable 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f')
    .action(async (id: string, opts: { json?: boolean }) => {
      const disabled = await withContainer(({ container, actor }) =>
        container.modules.users.service.setDisabled(actor, id, true),
      );
      if (opts.json) printJson(toUserDto(disabled));
      else printLine(`disabled user ${disabled.email} (${disabled.id})`);
    });
}
