import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, bearer, createOrg, createUser, signInReady } from '../../../test/helpers/actors.ts';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { systemPrincipal } from '../../shared/principal.ts';

// issueTokenForUser: the operator's CLI issues a token for a named user, within that user's role.

let ctx: TestContext;
let admin: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
});
afterAll(() => ctx.close());

const input = { name: 'SIEM import', scopes: ['read' as const], expiresInDays: 30 };

describe('issueTokenForUser', () => {
  it("issues a working token for the user, audited with the issuer's label", async () => {
    const org = await createOrg(ctx.app, admin, 'partner');
    const user = await createUser(ctx.app, admin, org.id, 'reporter');
    const service = ctx.container.modules.tokens.service;
    const { token, secret } = await service.issueTokenForUser(systemPrincipal('cli:alice'), user.email, input);
    expect(token).toMatchObject({ userId: user.userId, orgId: org.id, scopes: ['read'] });
    const mine = await as(ctx.app, bearer(secret))({ method: 'GET', url: '/api/v1/tokens' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ items: [{ id: token.id, userId: user.userId }] });

    const audit = await ctx.container.modules.audit.service.list(
      systemPrincipal(),
      { action: 'token.created', subjectId: token.id },
      { limit: 1, offset: 0, order: 'desc' },
    );
    expect(audit.items[0]).toMatchObject({
      actorLabel: 'cli:alice',
      orgId: org.id,
      summary: { issuedBy: 'cli:alice', userEmail: user.email, scopes: ['read'] },
    });
  });

  it("refuses scopes beyond the user's role, unknown users and callers other than the system", async () => {
    const org = await createOrg(ctx.app, admin, 'member');
    const viewer = await createUser(ctx.app, admin, org.id, 'viewer');
    const service = ctx.container.modules.tokens.service;
    await expect(
      service.issueTokenForUser(systemPrincipal(), viewer.email, { ...input, scopes: ['read', 'write'] }),
    ).rejects.toMatchObject({ code: 'token.scope_exceeds_role' });
    await expect(service.issueTokenForUser(systemPrincipal(), 'nobody@example.com', input)).rejects.toMatchObject({
      code: 'user.not_found',
    });
    const asUser = { ...systemPrincipal(), kind: 'user' as const, userId: null };
    await expect(service.issueTokenForUser(asUser, viewer.email, input)).rejects.toMatchObject({
      code: 'token.issue_forbidden',
    });
  });
});
