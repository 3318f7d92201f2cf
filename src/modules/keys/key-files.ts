import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function writeSecret(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key that another process created a moment ago.
  writeFileSync(file, content, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

function readSecret(file: string): string {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${file} is readable by others (mode ${mode.toString(8)}); run chmod 600 ${file}`);
  }
  return readFileSync(file, 'utf8');
}

/** The Ed25519 signing key as PKCS#8 PEM; created on first use. */
export function loadOrCreateSigningKey(file: string): { pem: string; created: boolean } {
  if (existsSync(file)) return { pem: readSecret(file), created: false };
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeSecret(file, pem);
  return { pem, created: true };
}

/** The 256-bit master key that wraps the per-tier data keys; created on first use. */
export function loadOrCreateMasterKey(file: string): { key: Buffer; created: boolean } {
  if (existsSync(file)) {
    const key = Buffer.from(readSecret(file).trim(), 'base64');
    if (key.length !== 32) throw new Error(`${file} must hold 32 bytes, base64-encoded`);
    return { key, created: false };
  }
  const key = randomBytes(32);
  writeSecret(file, `${key.toString('base64')}\n`);
  return { key, created: true };
}
