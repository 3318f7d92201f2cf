import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, pageQuery, Uuid } from '../../http/schemas.ts';
import { orgKinds } from '../../shared/principal.ts';

export const partnerStatuses = ['active', 'warned', 'suspended', 'under_review', 'revoked'] as const;
export type PartnerStatus = (typeof partnerStatuses)[number];

const OrgKind = Type.Unsafe<(typeof orgKinds)[number]>({ type: 'string', enum: [...orgKinds] });
const PartnerStatusSchema = Type.Unsafe<PartnerStatus>({ type: 'string', enum: [...partnerStatuses] });

export const ContactSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ format: 'email', maxLength: 320 }),
    phone: Type.Optional(Type.String({ maxLength: 50 })),
    role: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** ISO 3166-1 alpha-2. */
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 code, e.g. DE' });

const editable = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  shortName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  country: Type.Optional(Nullable(Country)),
  sector: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
  contacts: Type.Optional(Type.Array(ContactSchema, { maxItems: 50 })),
};

export const CreateOrgBody = Type.Object({ ...editable, kind: OrgKind }, { additionalProperties: false });
export type CreateOrgInput = Static<typeof CreateOrgBody>;

export const UpdateOrgBody = Type.Object(
  { ...editable, name: Type.Optional(editable.name) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateOrgInput = Static<typeof UpdateOrgBody>;

export const ChangeStatusBody = Type.Object(
  {
    status: PartnerStatusSchema,
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
    legalBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    until: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
export type ChangeStatusInput = Static<typeof ChangeStatusBody>;

export const orgSortFields = ['name', 'kind', 'country', 'createdAt', 'partnerStatus'] as const;
export const ListOrgsQuery = Type.Object(
  {
    ...pageQuery(orgSortFields, 'name'),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    kind: Type.Optional(OrgKind),
  },
  { additionalProperties: false },
);
export type ListOrgsQuery = Static<typeof ListOrgsQuery>;

export const OrgDto = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    shortName: Nullable(Type.String()),
    kind: OrgKind,
    country: Nullable(Type.String()),
    sector: Nullable(Type.String()),
    contacts: Type.Array(ContactSchema),
    partnerStatus: Nullable(PartnerStatusSchema),
    partnerStatusUntil: Nullable(DateTime),
    capabilities: Type.Object(
      {
        receivesPartnerOnly: Type.Boolean({
          description: 'receives partner-only (TLP:AMBER and above) warnings, intelligence and shared reports',
        }),
        reports: Type.Boolean({ description: 'submits vulnerability reports (a suspended partner still must)' }),
      },
      { description: 'what the partner status allows' },
    ),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Organisation' },
);
export type OrgDto = Static<typeof OrgDto>;
export const OrgPage = pageOf(Type.Ref('Organisation'));

export const StatusChangeDto = Type.Object({
  id: Uuid,
  fromStatus: Nullable(PartnerStatusSchema),
  toStatus: PartnerStatusSchema,
  reason: Type.String(),
  legalBasis: Nullable(Type.String()),
  until: Nullable(DateTime),
  changedByLabel: Type.String(),
  changedAt: DateTime,
});
export const StatusHistory = Type.Object({ items: Type.Array(StatusChangeDto) });
