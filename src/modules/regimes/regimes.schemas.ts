import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, StringEnum, Uuid } from '../../http/schemas.ts';
import { obligationStatuses } from './regimes.compute.ts';
import { Conditions, stages, triggers } from './regimes.model.ts';

const RegimeIdSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

export const RegimeDto = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String(),
    legalBasis: Type.String(),
    builtIn: Type.Boolean(),
    appliesTo: Nullable(Conditions),
    obligations: Type.Array(
      Type.Object({
        key: Type.String(),
        title: Type.String(),
        stage: StringEnum(stages),
        trigger: StringEnum(triggers),
        period: Type.String(),
        requiredFields: Type.Array(Type.String()),
        conditions: Nullable(Conditions),
        satisfiedBy: Type.Array(StringEnum(stages)),
        legalReference: Nullable(Type.String()),
      }),
    ),
  },
  { $id: 'Regime' },
);
export type RegimeDto = Static<typeof RegimeDto>;
export const RegimeList = Type.Object({ items: Type.Array(Type.Ref('Regime')) });

export const RegimeParams = Type.Object({ id: RegimeIdSchema }, { additionalProperties: false });
export const AssignmentParams = Type.Object({ id: Uuid, regimeId: RegimeIdSchema }, { additionalProperties: false });
export const AssignBody = Type.Object({ regimeId: RegimeIdSchema }, { additionalProperties: false });

export const AssignmentDto = Type.Object({
  orgId: Uuid,
  regimeId: Type.String(),
  regimeName: Nullable(Type.String()),
  assignedBy: Type.String(),
  assignedAt: DateTime,
});
export const AssignmentList = Type.Object({ items: Type.Array(AssignmentDto) });

export const ObligationDto = Type.Object(
  {
    id: Uuid,
    reportId: Uuid,
    reportRef: Nullable(Type.String()),
    reportTitle: Nullable(Type.String()),
    orgId: Uuid,
    regimeId: Type.String(),
    obligationKey: Type.String(),
    title: Type.String(),
    stage: StringEnum(stages),
    trigger: StringEnum(triggers),
    triggerAt: Nullable(DateTime),
    triggerSource: Nullable(Type.String({ description: "The report's own timestamp, or evidence:<source>:<id>" })),
    dueAt: Nullable(DateTime),
    metAt: Nullable(DateTime),
    metBySubmissionId: Nullable(Uuid),
    status: StringEnum(obligationStatuses),
    latenessSeconds: Nullable(Type.Integer()),
    missingFields: Type.Array(Type.String()),
    computedAt: DateTime,
  },
  { $id: 'Obligation' },
);
export type ObligationDto = Static<typeof ObligationDto>;
export const ObligationPage = pageOf(Type.Ref('Obligation'));

export const ListObligationsQuery = Type.Object(
  {
    status: Type.Optional(StringEnum(obligationStatuses)),
    orgId: Type.Optional(Uuid),
    reportId: Type.Optional(Uuid),
    dueBefore: Type.Optional(DateTime),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    order: Type.Unsafe<'asc' | 'desc'>({
      type: 'string',
      enum: ['asc', 'desc'],
      default: 'asc',
      description: 'by due time; obligations without one come last',
    }),
  },
  { additionalProperties: false },
);
export type ListObligationsQuery = Static<typeof ListObligationsQuery>;
