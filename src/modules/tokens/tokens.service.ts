import type { Db } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { randomSecret, sha256Hex } from '../../shared/crypto.ts';
import { conflict, forbidden, notFound, unauthenticated, unprocessable } from '../../shared/errors.ts';
import { newId, type TokenId } from '../../shared/ids.ts';
import { isSystem, type Principal, type Role, type Scope } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import { userPrincipal } from '../sessions/index.ts';
import { canManageToken, scopesAllowedFor, tokenListScope } from './tokens.policy.ts';
import { tokensRepository as repo } from './tokens.repository.ts';
import type { CreateTokenInput, ListTokensQuery } from './tokens.schemas.ts';

export interface TokensDeps {
  db: Db;
  clock: Clock;
  audit: Pick<AuditService, 'record' | 'deny'>;
}

const SECRET_PREFIX = 'tsk_';
const TOUCH_INTERVAL_MS = 60_000;
const tokenNotFound = (id: string) => notFound('token.not_found', `API token ${id} not found`);

export function createTokensService({ db, clock, audit }: TokensDeps) {
  function assertScopesAllowed(role: Role, requested: readonly Scope[], whose: string): void {
    const allowed = scopesAllowedFor(role);
    const excess = requested.filter((s) => !allowed.includes(s));
    if (excess.length > 0) {
      throw unprocessable('token.scope_exceeds_role', `A ${role} cannot grant the ${excess.join(', ')} scope`, [
        { pointer: '/scopes', detail: `allowed for ${whose}: ${allowed.join(', ')}` },
      ]);
    }
  }

  async function insertToken(
    actor: Principal,
    owner: { userId: string; orgId: string },
    input: CreateTokenInput,
    extraSummary: Record<string, unknown>,
  ) {
    const secret = `${SECRET_PREFIX}${randomSecret(32)}`;
    const now = clock.now();
    const row = {
      id: newId<TokenId>(),
      orgId: owner.orgId,
      userId: owner.userId,
      name: input.name,
      prefix: secret.slice(0, 12),
      secretHash: sha256Hex(secret),
      scopes: [...input.scopes],
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
    };
    await db.transaction(async (tx) => {
      await repo.insert(tx, row);
      await audit.record(tx, actor, {
        action: 'token.created',
        orgId: row.orgId,
        subjectType: 'api_token',
        subjectId: row.id,
        summary: {
          name: row.name,
          prefix: row.prefix,
          scopes: row.scopes,
          expiresAt: row.expiresAt.toISOString(),
          ...extraSummary,
        },
      });
    });
    return { token: (await repo.findById(db, row.id))!, secret };
  }

  return {
    async createToken(actor: Principal, input: CreateTokenInput) {
      if (actor.kind !== 'user' || !actor.userId || !actor.orgId || !actor.role) {
        throw forbidden('token.sessions_only', 'API tokens are created by a signed-in user, not by another token');
      }
      assertScopesAllowed(actor.role, input.scopes, 'your role');
      return insertToken(actor, { userId: actor.userId, orgId: actor.orgId }, input, {});
    },

    /** The operator's command line issues a token for a named user, within what that user's role allows. */
    async issueTokenForUser(actor: Principal, userEmail: string, input: CreateTokenInput) {
      if (!isSystem(actor)) {
        throw forbidden('token.issue_forbidden', "Only the operator's command line issues tokens for another user");
      }
      const owner = await repo.findOwnerByEmail(db, userEmail);
      if (!owner) throw notFound('user.not_found', `User ${userEmail} not found`);
      if (owner.disabledAt) throw unprocessable('token.user_disabled', `User ${owner.email} is disabled`);
      assertScopesAllowed(owner.role as Role, input.scopes, `a ${owner.role}`);
      return insertToken(actor, owner, input, { issuedBy: actor.label, userEmail: owner.email });
    },

    async listTokens(actor: Principal, query: ListTokensQuery) {
      const scope = tokenListScope(actor, query.orgId);
      if (!scope) throw notFound('org.not_found', `Organisation ${query.orgId} not found`);
      return repo.list(db, { ...scope, includeRevoked: query.includeRevoked }, query);
    },

    async revokeToken(actor: Principal, id: string) {
      const token = await repo.findById(db, id);
      if (!token) throw tokenNotFound(id);
      if (!canManageToken(actor, token)) {
        if (actor.orgId !== token.orgId && actor.orgKind !== 'operator') throw tokenNotFound(id);
        throw await audit.deny(
          actor,
          { action: 'token.revoke', orgId: token.orgId, subjectType: 'api_token', subjectId: id },
          forbidden('token.revoke_forbidden', "Only the token's owner and its organisation's admins revoke it"),
        );
      }
      if (token.revokedAt) throw conflict('token.already_revoked', `Token ${token.name} was revoked already`);
      await db.transaction(async (tx) => {
        await repo.revoke(tx, id, clock.now(), actor.userId);
        await audit.record(tx, actor, {
          action: 'token.revoked',
          orgId: token.orgId,
          subjectType: 'api_token',
          subjectId: id,
          summary: { name: token.name, prefix: token.prefix },
        });
      });
      return (await repo.findById(db, id))!;
    },

    /** Turns a bearer secret into the principal it acts as: its user, narrowed to its scopes. */
    async authenticate(secret: string): Promise<Principal> {
      const found = secret.startsWith(SECRET_PREFIX) ? await repo.findBySecretHash(db, sha256Hex(secret)) : undefined;
      if (!found || found.user.disabledAt) throw unauthenticated('token.invalid', 'The API token is not valid');
      const { token } = found;
      const now = clock.now();
      if (token.revokedAt) throw unauthenticated('token.revoked', `The API token ${token.prefix}… was revoked`);
      if (token.expiresAt.getTime() <= now.getTime()) {
        throw unauthenticated(
          'token.expired',
          `The API token ${token.prefix}… expired on ${token.expiresAt.toISOString()}`,
        );
      }
      if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
        await repo.touch(db, token.id, now);
      }
      const base = userPrincipal(found.user, found.orgKind);
      const allowed = scopesAllowedFor(found.user.role as Role);
      return {
        ...base,
        kind: 'token',
        tokenId: token.id,
        scopes: token.scopes.filter((s): s is Scope => allowed.includes(s as Scope)),
        label: `token:${token.name} (${found.user.email})`,
      };
    },
  };
}

export type TokensService = ReturnType<typeof createTokensService>;
