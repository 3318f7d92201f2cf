import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../http/schemas.ts';
import type { TokenWithUser } from './tokens.repository.ts';
import { CreatedToken, CreateTokenBody, ListTokensQuery, type TokenDto, TokenPage } from './tokens.schemas.ts';
import type { TokensService } from './tokens.service.ts';

export const toTokenDto = (row: TokenWithUser): TokenDto => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as TokenDto['scopes'],
  orgId: row.orgId,
  userId: row.userId,
  userName: row.userName,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

const tags = ['tokens'];

export function tokensRoutes(service: TokensService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'List API tokens (yours; all of your organisation for its admins)',
          querystring: ListTokensQuery,
          response: { 200: TokenPage, ...errorResponses },
        },
      },
      async (request) => {
        const page = await service.listTokens(request.principal!, request.query);
        return { ...page, items: page.items.map(toTokenDto), limit: request.query.limit, offset: request.query.offset };
      },
    );

    app.post(
      '/tokens',
      {
        schema: {
          tags,
          summary: 'Create an API token; its secret is returned once',
          body: CreateTokenBody,
          response: { 201: CreatedToken, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { token, secret } = await service.createToken(request.principal!, request.body);
        return reply.status(201).send({ token: toTokenDto(token), secret });
      },
    );

    app.post(
      '/tokens/:id/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an API token',
          params: IdParams,
          response: { 200: Type.Ref('ApiToken'), ...errorResponses },
        },
      },
      async (request) => toTokenDto(await service.revokeToken(request.principal!, request.params.id)),
    );
  };
}
