import { type Command, InvalidArgumentError, Option } from 'commander';
import type { Static } from 'typebox';
import { CreateOrgBody, type OrgRow, toOrgDto } from '../modules/organisations/index.ts';
import { type OrgKind, orgKinds } from '../shared/principal.ts';
import { checkInput, collect, parseInteger, parseUuid, withContainer } from './context.ts';
import { isoDate, printFields, printJson, printLine, printPageNote, printTable } from './output.ts';

type CreateOrgInput = Static<typeof CreateOrgBody>;

/** `--contact "Jane Doe <jane@example.org>"` */
function parseContact(value: string): { name: string; email: string } {
  const match = /^\s*(.+?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected "Name <email>"');
  return { name: match[1]!, email: match[2]! };
}

const kindOption = (description: string) => new Option('--kind <kind>', description).choices(orgKinds);

function printOrg(org: OrgRow): void {
  printFields([
    ['id', org.id],
    ['name', org.name],
    ['short name', org.shortName],
    ['kind', org.kind],
    ['country', org.country],
    ['sector', org.sector],
    ['partner status', org.partnerStatus],
    ['status until', isoDate(org.partnerStatusUntil)],
    ['contacts', org.contacts.map((c) => `${c.name} <${c.email}>`).join(', ')],
    ['created', isoDate(org.createdAt)],
    ['updated', isoDate(org.updatedAt)],
  ]);
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('organisations: create, list and show');

  org
    .command('create')
    .description('create an organisation (partners start with status active)')
    .requiredOption('--name <name>', 'full name, unique')
    .addOption(kindOption('kind of organisation').makeOptionMandatory())
    .option('--country <code>', 'ISO 3166-1 alpha-2 country code, e.g. DE')
    .option('--sector <sector>', 'sector, e.g. cloud, energy, finance')
    .option('--short-name <name>', 'short name or acronym')
    .option('--contact <contact>', 'a contact as "Name <email>" (repeatable)', collect(parseContact))
    .option('--json', 'print the organisation as JSON')
    .addHelpText(
      'after',
      '\nExample:\n  threatshare org create --name "Example Cloud GmbH" --kind partner --country DE \\\n' +
        '    --sector cloud --contact "Jane Doe <psirt@example.com>"',
    )
    .action(
      async (opts: {
        name: string;
        kind: string;
        country?: string;
        sector?: string;
        shortName?: string;
        contact?: { name: string; email: string }[];
        json?: boolean;
      }) => {
        const input = checkInput<CreateOrgInput>(CreateOrgBody, {
          name: opts.name,
          kind: opts.kind,
          country: opts.country,
          sector: opts.sector,
          shortName: opts.shortName,
          contacts: opts.contact,
        });
        const created = await withContainer(({ container, actor }) =>
          container.modules.organisations.service.createOrganisation(actor, input),
        );
        if (opts.json) printJson(toOrgDto(created));
        else printLine(`created organisation ${created.name} (${created.id}), ${created.kind}`);
      },
    );

  org
    .command('list')
    .description('list organisations, by name')
    .addOption(kindOption('only this kind'))
    .option('--q <text>', 'search in names and short names')
    .option('--limit <n>', 'at most this many (1-200)', parseInteger(1, 200), 50)
    .option('--json', 'print {items, total} as JSON')
    .addHelpText('after', '\nExample:\n  threatshare org list --kind partner --q cloud')
    .action(async (opts: { kind?: OrgKind; q?: string; limit: number; json?: boolean }) => {
      const page = await withContainer(({ container, actor }) =>
        container.modules.organisations.service.listOrganisations(actor, {
          kind: opts.kind,
          q: opts.q,
          limit: opts.limit,
          offset: 0,
          sort: 'name',
          order: 'asc',
        }),
      );
      if (opts.json) {
        printJson({ items: page.items.map(toOrgDto), total: page.total });
        return;
      }
      printTable(page.items, [
        { header: 'ID', value: (o) => o.id },
        { header: 'NAME', value: (o) => o.name },
        { header: 'KIND', value: (o) => o.kind },
        { header: 'COUNTRY', value: (o) => o.country },
        { header: 'SECTOR', value: (o) => o.sector },
        { header: 'STATUS', value: (o) => o.partnerStatus },
      ]);
      printPageNote(page.items.length, page.total);
    });

  org
    .command('show')
    .description('show an organisation and its partner status history')
    .argument('<id>', 'organisation id', parseUuid)
    .option('--json', 'print the organisation (with statusHistory) as JSON')
    .addHelpText('after', '\nExample:\n  threatshare org show 0b9f3c1e-5d2a-4f7e-9a51-2c7d8e6f4a10')
    .action(async (id: string, opts: { json?: boolean }) => {
      const { found, history } = await withContainer(async ({ container, actor }) => {
        const service = container.modules.organisations.service;
        return { found: await service.getOrganisation(actor, id), history: await service.listStatusHistory(actor, id) };
      });
      const statusHistory = history.map((h) => ({
        fromStatus: h.fromStatus,
        toStatus: h.toStatus,
        reason: h.reason,
        legalBasis: h.legalBasis,
        until: isoDate(h.until),
        changedByLabel: h.changedByLabel,
        changedAt: isoDate(h.changedAt),
      }));
      if (opts.json) {
        printJson({ ...toOrgDto(found), statusHistory });
        return;
      }
      printOrg(found);
      if (found.kind !== 'partner') return;
      printLine();
      printLine('status history:');
      printTable(statusHistory, [
        { header: 'WHEN', value: (h) => h.changedAt },
        { header: 'FROM', value: (h) => h.fromStatus },
        { header: 'TO', value: (h) => h.toStatus },
        { header: 'UNTIL', value: (h) => h.until },
        { header: 'BY', value: (h) => h.changedByLabel },
        { header: 'REASON', value: (h) => h.reason },
      ]);
    });
}
