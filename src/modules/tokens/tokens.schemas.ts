import { type Static, Type } from 'typebox';
import { DateTime, pageOf, Uuid } from '../../http/schemas.ts';
import { scopes } from '../../shared/principal.ts';

const Scope = Type.Unsafe<(typeof scopes)[number]>({ type: 'string', enum: [...scopes] });

export const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365, default: 90 }),
  },
  { additionalProperties: false },
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

export const ListTokensQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
    includeRevoked: Type.Boolean({ default: false }),
    orgId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ListTokensQuery = Static<typeof ListTokensQuery>;

export const TokenDto = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    prefix: Type.String({ description: 'The first characters of the secret, to recognise it' }),
    scopes: Type.Array(Scope),
    orgId: Uuid,
    userId: Uuid,
    userName: Type.String(),
    createdAt: DateTime,
    expiresAt: DateTime,
    lastUsedAt: Type.Union([DateTime, Type.Null()]),
    revokedAt: Type.Union([DateTime, Type.Null()]),
  },
  { $id: 'ApiToken' },
);
export type TokenDto = Static<typeof TokenDto>;
export const TokenPage = pageOf(Type.Ref('ApiToken'));
export const CreatedToken = Type.Object({
  token: Type.Ref('ApiToken'),
  secret: Type.String({
    description: 'Shown once; only its hash is stored. Send it as "Authorization: Bearer <secret>".',
  }),
});
