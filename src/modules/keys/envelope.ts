import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM with a 96-bit random nonce and a 128-bit tag (NIST SP 800-38D). */
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'ts1';

export const tiers = ['general', 'important', 'core'] as const;
export type Tier = (typeof tiers)[number];

export function seal(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; sealed: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, sealed };
}

export function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: string): Buffer {
  if (sealed.length < TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** `ts1.<keyId>.<iv>.<ciphertext+tag>`: the key id travels with the ciphertext so rotation can find it. */
export function formatEnvelope(keyId: string, iv: Buffer, sealed: Buffer): string {
  return `${PREFIX}.${keyId}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

export function parseEnvelope(envelope: string): { keyId: string; iv: Buffer; sealed: Buffer } {
  const parts = envelope.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) throw new Error('not a threatshare ciphertext envelope');
  const [, keyId, iv, sealed] = parts as [string, string, string, string];
  return { keyId, iv: Buffer.from(iv, 'base64url'), sealed: Buffer.from(sealed, 'base64url') };
}

export const envelopeKeyId = (envelope: string): string => parseEnvelope(envelope).keyId;
