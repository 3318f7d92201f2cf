import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CompactSign, calculateJwkThumbprint, compactVerify, exportJWK, type JWK } from 'jose';

export interface Signer {
  readonly keyId: string;
  /** A compact JWS (EdDSA over Ed25519) of the canonical payload. */
  sign(payload: string, type: string): Promise<string>;
  /** Verifies against our own public key; returns the payload or throws. */
  verify(jws: string): Promise<{ payload: string; keyId: string | undefined }>;
  /** The public keys as a JSON Web Key Set (RFC 7517 §5). */
  jwks(): { keys: JWK[] };
}

export async function createSigner(privateKeyPem: string): Promise<Signer> {
  const privateKey: KeyObject = createPrivateKey(privateKeyPem);
  const publicKey = createPublicKey(privateKey);
  const publicJwk = await exportJWK(publicKey);
  const keyId = await calculateJwkThumbprint(publicJwk, 'sha256');
  const jwk: JWK = { ...publicJwk, kid: keyId, alg: 'EdDSA', use: 'sig' };
  return {
    keyId,
    sign: (payload, typ) =>
      new CompactSign(new TextEncoder().encode(payload))
        .setProtectedHeader({ alg: 'EdDSA', kid: keyId, typ })
        .sign(privateKey),
    verify: async (jws) => {
      const { payload, protectedHeader } = await compactVerify(jws, publicKey, { algorithms: ['EdDSA'] });
      return { payload: new TextDecoder().decode(payload), keyId: protectedHeader.kid };
    },
    jwks: () => ({ keys: [jwk] }),
  };
}
