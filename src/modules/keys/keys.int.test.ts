import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/helpers/context.ts';
import { queryRows } from '../../db/client.ts';
import { systemPrincipal } from '../../shared/principal.ts';

let ctx: TestContext;
const exec = async (q: ReturnType<typeof sql>) => ({ rows: await queryRows(ctx.container.database.db, q) });

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('signing key', () => {
  it('is created with mode 0600 and published as a JWKS that verifies our signatures', async () => {
    const { config, signer } = ctx.container;
    expect(statSync(config.SIGNING_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(statSync(config.MASTER_KEY_FILE).mode & 0o777).toBe(0o600);
    const res = await ctx.app.inject({ method: 'GET', url: '/.well-known/threatshare-keys.json' });
    expect(res.statusCode).toBe(200);
    const jwks = res.json();
    expect(jwks.keys).toEqual([
      expect.objectContaining({ kty: 'OKP', crv: 'Ed25519', kid: signer.keyId, alg: 'EdDSA' }),
    ]);
    expect(JSON.stringify(jwks)).not.toContain('"d"');
    const jws = await signer.sign('{"hello":"world"}', 'test+jws');
    const { payload } = await compactVerify(jws, createLocalJWKSet(jwks));
    expect(new TextDecoder().decode(payload)).toBe('{"hello":"world"}');
  });
});

describe('encryption at rest', () => {
  it('seals per tier with the key id in the envelope and binds the context', () => {
    const keys = ctx.container.modules.keys.service;
    const sealed = keys.encrypt('core', 'exploit details', 'report:1');
    expect(sealed).toMatch(/^ts1\.core-[0-9a-f]{8}\./);
    expect(sealed).not.toContain('exploit');
    expect(keys.decryptText(sealed, 'report:1')).toBe('exploit details');
    expect(() => keys.decrypt(sealed, 'report:2')).toThrow();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => keys.decrypt(tampered, 'report:1')).toThrow();
  });

  it('rotation re-encrypts every registered store under new keys, in one audited transaction', async () => {
    const keys = ctx.container.modules.keys.service;
    await exec(sql`create table secrets_for_test (id int primary key, tier text not null, body text not null)`);
    const plain = ['general note', 'important note', 'core note'];
    const tiers = ['general', 'important', 'core'] as const;
    for (const [i, tier] of tiers.entries()) {
      await exec(
        sql`insert into secrets_for_test values (${i}, ${tier}, ${keys.encrypt(tier, plain[i]!, `row:${i}`)})`,
      );
    }
    keys.registerStore({
      name: 'secrets_for_test',
      async reencrypt(tx, rewrap) {
        const rows = (await queryRows(tx, sql`select id, body from secrets_for_test for update`)) as {
          id: number;
          body: string;
        }[];
        for (const row of rows) {
          await tx.execute(
            sql`update secrets_for_test set body = ${rewrap(row.body, `row:${row.id}`)} where id = ${row.id}`,
          );
        }
        return rows.length;
      },
    });
    const before = (await exec(sql`select body from secrets_for_test order by id`)).rows as { body: string }[];
    const result = await keys.rotate(systemPrincipal('test'));
    expect(result.reencrypted).toMatchObject({ secrets_for_test: 3 });
    expect(result.keys.map((k) => k.tier)).toEqual([...tiers]);
    const after = (await exec(sql`select body from secrets_for_test order by id`)).rows as { body: string }[];
    for (const [i, row] of after.entries()) {
      const newKey = result.keys[i]!.active;
      expect(row.body.split('.')[1]).toBe(newKey);
      expect(row.body).not.toBe(before[i]!.body);
      expect(keys.decryptText(row.body, `row:${i}`)).toBe(plain[i]);
    }
    // Old ciphertexts remain readable: retired keys are kept, not destroyed.
    expect(keys.decryptText(before[0]!.body, 'row:0')).toBe('general note');
    const active = await exec(sql`select tier, id from data_keys where active order by tier`);
    expect(active.rows).toHaveLength(3);
    const audit = await exec(sql`select summary from audit_log where action = 'keys.rotated'`);
    expect(audit.rows).toHaveLength(1);
    expect(await ctx.container.modules.audit.service.verify()).toMatchObject({ ok: true });
  });

  it('rejects an unknown tier', async () => {
    await expect(ctx.container.modules.keys.service.rotate(systemPrincipal('test'), 'secret')).rejects.toMatchObject({
      code: 'keys.unknown_tier',
    });
  });
});
