import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, pageQuery } from '../../http/schemas.ts';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const CveIdParams = Type.Object(
  { cveId: Type.String({ pattern: '^CVE-[0-9]{4}-[0-9]{4,19}$', description: 'e.g. CVE-2021-44228' }) },
  { additionalProperties: false },
);

export const cveSortFields = ['cveId', 'datePublished', 'dateUpdated', 'cvssScore', 'kevDateAdded'] as const;
export const ListCvesQuery = Type.Object(
  {
    ...pageQuery(cveSortFields, 'datePublished'),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Search CVE id, title, description, products' })),
    kev: Type.Optional(Type.Boolean({ description: 'Only CVEs listed in the CISA KEV catalog' })),
  },
  { additionalProperties: false },
);
export type ListCvesQuery = Static<typeof ListCvesQuery>;

export const kevSortFields = ['dateAdded', 'cveId', 'dueDate', 'vendorProject'] as const;
export const ListKevQuery = Type.Object(
  {
    ...pageQuery(kevSortFields, 'dateAdded'),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Search CVE id, vendor, product, name' })),
    ransomware: Type.Optional(Type.Boolean({ description: 'Only entries with known ransomware campaign use' })),
  },
  { additionalProperties: false },
);
export type ListKevQuery = Static<typeof ListKevQuery>;

export const KevEntryDto = Type.Object(
  {
    cveId: Type.String(),
    vendorProject: Type.String(),
    product: Type.String(),
    vulnerabilityName: Type.String(),
    dateAdded: IsoDate,
    shortDescription: Type.String(),
    requiredAction: Type.String(),
    dueDate: Nullable(IsoDate),
    knownRansomwareCampaignUse: Type.String(),
    notes: Type.String(),
    cwes: Type.Array(Type.String()),
    catalogVersion: Type.String(),
    importedAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'KevEntry' },
);
export type KevEntryDto = Static<typeof KevEntryDto>;
export const KevPage = pageOf(Type.Ref('KevEntry'));

const Product = Type.Object({ vendor: Type.String(), product: Type.String() });

export const CveSummaryDto = Type.Object(
  {
    cveId: Type.String(),
    state: Type.String(),
    assignerShortName: Nullable(Type.String()),
    dataVersion: Type.String(),
    title: Nullable(Type.String()),
    description: Nullable(Type.String()),
    cwes: Type.Array(Type.String()),
    cvssScore: Nullable(Type.Number()),
    severity: Nullable(Type.String()),
    datePublished: Nullable(DateTime),
    dateUpdated: Nullable(DateTime),
    products: Type.Array(Product),
    kev: Nullable(Type.Object({ dateAdded: IsoDate, knownRansomwareCampaignUse: Type.String() })),
    importedAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'CveSummary' },
);
export type CveSummaryDto = Static<typeof CveSummaryDto>;
export const CvePage = pageOf(Type.Ref('CveSummary'));

const VersionRangeDto = Type.Object({
  scheme: Type.String(),
  introduced: Type.Optional(Type.String()),
  fixed: Type.Optional(Type.String()),
  lastAffected: Type.Optional(Type.String()),
  version: Type.Optional(Type.String()),
});

export const CveDetailDto = Type.Object({
  ...CveSummaryDto.properties,
  kevEntry: Nullable(Type.Ref('KevEntry')),
  cvss: Nullable(
    Type.Object({
      version: Type.String(),
      score: Type.Number(),
      severity: Nullable(Type.String()),
      vector: Nullable(Type.String()),
      source: Type.String(),
    }),
  ),
  affected: Type.Array(
    Type.Object({
      vendor: Type.String(),
      product: Type.String(),
      cpe: Type.Optional(Type.String()),
      purl: Type.Optional(Type.String()),
      versions: Type.Array(VersionRangeDto),
    }),
  ),
  references: Type.Array(
    Type.Object({
      url: Type.String(),
      name: Type.Optional(Type.String()),
      tags: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  record: Type.Unknown({ description: 'The CVE JSON 5 record as imported' }),
});
export type CveDetailDto = Static<typeof CveDetailDto>;

/** A CVE JSON 5 record: checked by the importer (official schema, tolerant of real-world quirks), not here. */
const CveRecordBody = Type.Object({}, { additionalProperties: true, description: 'A CVE JSON 5 record' });
export const ImportCvesBody = Type.Union([CveRecordBody, Type.Array(CveRecordBody, { minItems: 1, maxItems: 5000 })]);

/** A CISA KEV catalog (known_exploited_vulnerabilities.json), checked against its official schema by the importer. */
export const ImportKevBody = Type.Object(
  {},
  { additionalProperties: true, description: 'A CISA KEV catalog (known_exploited_vulnerabilities.json)' },
);

const counts = {
  read: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  failed: Type.Array(Type.Object({ file: Type.String(), error: Type.String() })),
};
export const CveImportResultDto = Type.Object({
  ...counts,
  skipped: Type.Integer(),
  schemaProblems: Type.Integer({ description: 'Records the official schema finds fault with, imported all the same' }),
});
export const KevImportResultDto = Type.Object({ ...counts, catalogVersion: Type.String() });
