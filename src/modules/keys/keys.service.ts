import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../../db/client.ts';
import type { Clock } from '../../shared/clock.ts';
import { validationError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Principal } from '../../shared/principal.ts';
import type { AuditService } from '../audit/index.ts';
import { formatEnvelope, open, parseEnvelope, seal, type Tier, tiers } from './envelope.ts';
import { type DataKeyRow, keysRepository } from './keys.repository.ts';

/**
 * A place that holds ciphertexts made here. Modules register theirs so `keys rotate` can
 * re-encrypt them under the new data keys inside the rotation's transaction.
 */
export interface EncryptedStore {
  name: string;
  reencrypt(tx: Executor, rewrap: (envelope: string, context: string) => string): Promise<number>;
}

export interface RotationResult {
  keys: { tier: Tier; retired: string | null; active: string }[];
  reencrypted: Record<string, number>;
}

export interface KeysDeps {
  db: Db;
  clock: Clock;
  masterKey: Buffer;
  audit: Pick<AuditService, 'record'>;
}

const WRAP_AAD = 'threatshare data key';

export function createKeysService({ db, clock, masterKey, audit }: KeysDeps) {
  const stores: EncryptedStore[] = [];
  const cache = new Map<string, { tier: Tier; key: Buffer; active: boolean }>();

  const unwrap = (row: DataKeyRow): Buffer => {
    const iv = row.wrappedKey.subarray(0, 12);
    return open(masterKey, iv, row.wrappedKey.subarray(12), `${WRAP_AAD}:${row.id}`);
  };

  async function load(): Promise<void> {
    cache.clear();
    for (const row of await keysRepository.listDataKeys(db)) {
      cache.set(row.id, { tier: row.tier as Tier, key: unwrap(row), active: row.active });
    }
  }

  async function createKey(tx: Executor, tier: Tier): Promise<string> {
    const id = `${tier}-${newId<string>().slice(0, 8)}`;
    const key = randomBytes(32);
    const { iv, sealed } = seal(masterKey, key, `${WRAP_AAD}:${id}`);
    await keysRepository.insert(tx, {
      id,
      tier,
      wrappedKey: Buffer.concat([iv, sealed]),
      active: true,
      createdAt: clock.now(),
    });
    return id;
  }

  function activeKey(tier: Tier): { id: string; key: Buffer } {
    for (const [id, entry] of cache) if (entry.tier === tier && entry.active) return { id, key: entry.key };
    throw new Error(`no active data key for tier ${tier}; keys.ensureDataKeys() was not run`);
  }

  function encrypt(tier: Tier, plaintext: Buffer | string, context = ''): string {
    const { id, key } = activeKey(tier);
    const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
    const { iv, sealed } = seal(key, data, `${id}:${context}`);
    return formatEnvelope(id, iv, sealed);
  }

  function decrypt(envelope: string, context = ''): Buffer {
    const { keyId, iv, sealed } = parseEnvelope(envelope);
    const entry = cache.get(keyId);
    if (!entry) throw new Error(`unknown data key ${keyId}`);
    return open(entry.key, iv, sealed, `${keyId}:${context}`);
  }

  return {
    registerStore: (store: EncryptedStore) => {
      stores.push(store);
    },

    /** Makes sure every tier has an active data key, then loads all keys. */
    async ensureDataKeys(): Promise<void> {
      await db.transaction(async (tx) => {
        for (const tier of tiers) if (!(await keysRepository.findActive(tx, tier))) await createKey(tx, tier);
      });
      await load();
    },

    encrypt,
    decrypt,
    decryptText: (envelope: string, context = ''): string => decrypt(envelope, context).toString('utf8'),

    /** Retires the active data key of every tier (or one) and re-encrypts every registered store. */
    async rotate(actor: Principal, onlyTier?: string): Promise<RotationResult> {
      if (onlyTier !== undefined && !tiers.includes(onlyTier as Tier)) {
        throw validationError('keys.unknown_tier', `unknown tier '${onlyTier}' (expected ${tiers.join(', ')})`);
      }
      const selected = onlyTier ? [onlyTier as Tier] : [...tiers];
      const result: RotationResult = { keys: [], reencrypted: {} };
      await db.transaction(async (tx) => {
        const newKeys = new Map<Tier, string>();
        for (const tier of selected) {
          const current = await keysRepository.findActive(tx, tier);
          if (current) await keysRepository.retire(tx, current.id, clock.now());
          const id = await createKey(tx, tier);
          newKeys.set(tier, id);
          result.keys.push({ tier, retired: current?.id ?? null, active: id });
        }
        const rows = await keysRepository.listDataKeys(tx);
        const byId = new Map(rows.map((r) => [r.id, { tier: r.tier as Tier, key: unwrap(r) }]));
        const rewrap = (envelope: string, context: string): string => {
          const { keyId, iv, sealed } = parseEnvelope(envelope);
          const old = byId.get(keyId);
          if (!old) throw new Error(`unknown data key ${keyId}`);
          const targetId = newKeys.get(old.tier);
          if (!targetId || targetId === keyId) return envelope;
          const target = byId.get(targetId)!;
          const plain = open(old.key, iv, sealed, `${keyId}:${context}`);
          const resealed = seal(target.key, plain, `${targetId}:${context}`);
          return formatEnvelope(targetId, resealed.iv, resealed.sealed);
        };
        for (const store of stores) result.reencrypted[store.name] = await store.reencrypt(tx, rewrap);
        await audit.record(tx, actor, {
          action: 'keys.rotated',
          subjectType: 'data_keys',
          summary: { keys: result.keys, reencrypted: result.reencrypted },
        });
      });
      await load();
      return result;
    },
  };
}

export type KeysService = ReturnType<typeof createKeysService>;
