import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, as, createOrg, createUser, signInReady } from '../helpers/actors.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';

let ctx: TestContext;
let admin: Actor;

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signInReady(ctx.app, ctx.admin.email, ctx.admin.password);
});
afterAll(() => ctx.close());

describe('smoke', () => {
  it('creates an org and a user', async () => {
    const org = await createOrg(ctx.app, admin, 'partner');
    const user = await createUser(ctx.app, admin, org.id, 'admin');
    const res = await as(ctx.app, user)({ method: 'GET', url: '/api/v1/organisations' });
    expect(res.json()).toMatchObject({ total: 1, items: [{ id: org.id, partnerStatus: 'active' }] });
  });
});
