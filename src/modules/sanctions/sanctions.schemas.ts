import { type Static, Type } from 'typebox';
import { DateTime, Nullable, pageOf, StringEnum, Uuid } from '../../http/schemas.ts';
import { acceptedMediaTypes } from '../../shared/attachments.ts';
import { sanctionMeasures } from '../violations/index.ts';
import {
  outcomes,
  reviewDecisions,
  reviewStatuses,
  sanctionDecisions,
  sanctionSources,
  sanctionStatuses,
} from './sanctions.model.ts';

const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const Period = Type.String({ minLength: 2, maxLength: 40, description: 'ISO 8601 duration, e.g. P6M' });

export const SanctionDto = Type.Object(
  {
    id: Uuid,
    orgId: Uuid,
    orgName: Type.String(),
    violationId: Nullable(Uuid),
    measure: StringEnum(sanctionMeasures),
    period: Nullable(Type.String()),
    status: StringEnum(sanctionStatuses),
    source: StringEnum(sanctionSources),
    reason: Type.String(),
    legalBasis: Nullable(Type.String()),
    proposedByLabel: Type.String(),
    proposedAt: DateTime,
    proposedMeasure: StringEnum(sanctionMeasures),
    proposedPeriod: Nullable(Type.String()),
    decision: Nullable(StringEnum(sanctionDecisions)),
    decisionReason: Nullable(Type.String()),
    decidedByLabel: Nullable(Type.String()),
    decidedAt: Nullable(DateTime),
    approvedByLabel: Nullable(Type.String()),
    approvedAt: Nullable(DateTime),
    startsAt: Nullable(DateTime),
    endsAt: Nullable(DateTime),
    outcome: Nullable(StringEnum(outcomes)),
    completedAt: Nullable(DateTime),
    updatedAt: DateTime,
  },
  { $id: 'Sanction' },
);
export type SanctionDto = Static<typeof SanctionDto>;
export const SanctionPage = pageOf(Type.Ref('Sanction'));

export const ReviewDto = Type.Object(
  {
    id: Uuid,
    sanctionId: Uuid,
    orgId: Uuid,
    orgName: Type.String(),
    round: Type.Integer({ description: '1 for the first end of the sanction, 2 after one extension, ...' }),
    status: StringEnum(reviewStatuses),
    openedAt: DateTime,
    decision: Nullable(StringEnum(reviewDecisions)),
    decisionReason: Nullable(Type.String()),
    newEndsAt: Nullable(DateTime),
    decidedByLabel: Nullable(Type.String()),
    decidedAt: Nullable(DateTime),
  },
  { $id: 'Review' },
);
export type ReviewDto = Static<typeof ReviewDto>;
export const ReviewPage = pageOf(Type.Ref('Review'));

export const SanctionDetail = Type.Object({
  ...SanctionDto.properties,
  fourEyes: Type.Boolean({ description: 'whether decisions need a second approver' }),
  reviews: Type.Array(Type.Ref('Review')),
});

const AttachmentMeta = Type.Object({
  id: Uuid,
  filename: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  createdAt: DateTime,
});

export const RectificationDto = Type.Object(
  {
    id: Uuid,
    summary: Type.String(),
    processes: Nullable(Type.String()),
    contacts: Nullable(Type.String()),
    tooling: Nullable(Type.String()),
    submittedByLabel: Type.String(),
    submittedAt: DateTime,
    attachments: Type.Array(AttachmentMeta),
  },
  { $id: 'Rectification' },
);
export type RectificationDto = Static<typeof RectificationDto>;

export const ReviewDetail = Type.Object({
  ...ReviewDto.properties,
  sanction: Type.Ref('Sanction'),
  rectifications: Type.Array(Type.Ref('Rectification')),
});

export const ListSanctionsQuery = Type.Object(
  {
    orgId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(sanctionStatuses)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

export const ListReviewsQuery = Type.Object(
  {
    orgId: Type.Optional(Uuid),
    status: Type.Optional(StringEnum(reviewStatuses)),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

export const ProposeBody = Type.Object(
  {
    orgId: Uuid,
    violationId: Type.Optional(Uuid),
    measure: StringEnum(sanctionMeasures),
    period: Type.Optional(Period),
    reason: Text(4000, 'why: shown to the partner once the sanction is in force'),
    legalBasis: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const DecideBody = Type.Object(
  {
    decision: StringEnum(sanctionDecisions),
    reason: Type.Optional(Text(4000, 'required to change or dismiss')),
    measure: Type.Optional(StringEnum(sanctionMeasures, { description: 'with change: another measure' })),
    period: Type.Optional(Period),
    startsAt: Type.Optional(DateTime),
    endsAt: Type.Optional(DateTime),
    legalBasis: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);

export const ApprovalBody = Type.Object(
  { approve: Type.Boolean(), reason: Type.Optional(Text(4000, 'required to refuse')) },
  { additionalProperties: false },
);

export const RectificationBody = Type.Object(
  {
    summary: Text(8000),
    processes: Type.Optional(Type.String({ maxLength: 8000, description: 'what changed in the processes' })),
    contacts: Type.Optional(Type.String({ maxLength: 8000, description: 'what changed in the contacts' })),
    tooling: Type.Optional(Type.String({ maxLength: 8000, description: 'what changed in the tooling' })),
    attachments: Type.Optional(
      Type.Array(
        Type.Object(
          {
            filename: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\\\u0000]+$' }),
            mediaType: Type.String({
              minLength: 3,
              maxLength: 100,
              description: `One of ${acceptedMediaTypes.join(', ')}`,
            }),
            contentBase64: Type.String({ minLength: 1, contentEncoding: 'base64' }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 10 },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ReviewDecisionBody = Type.Object(
  {
    decision: StringEnum(reviewDecisions),
    reason: Text(4000),
    endsAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);
