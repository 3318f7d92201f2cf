import { compactVerify, createLocalJWKSet, decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { canonicalJson, sha256Hex } from '../../shared/crypto.ts';
import { validationError } from '../../shared/errors.ts';

export interface ReceiptPayload {
  reportId: string;
  ref: string;
  orgId: string;
  stage: string;
  contentSha256: string;
  receivedAt: string;
  auditSeq: number;
}

export interface ReceiptCheck {
  valid: boolean;
  keyId: string | undefined;
  payload?: ReceiptPayload;
  contentMatches?: boolean;
  problem?: string;
}

/**
 * Checks a receipt offline: the signature against the published keys (JWKS), and optionally that
 * `content` (the JSON that was submitted) is what the receipt's hash covers (RFC 8785 canonical form).
 */
export async function verifyReceipt(jws: string, jwks: JSONWebKeySet, content?: unknown): Promise<ReceiptCheck> {
  let keyId: string | undefined;
  try {
    keyId = decodeProtectedHeader(jws).kid;
  } catch {
    throw validationError('receipt.malformed', 'This is not a compact JWS receipt');
  }
  let payload: ReceiptPayload;
  try {
    const verified = await compactVerify(jws.trim(), createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    if (verified.protectedHeader.typ !== 'threatshare-receipt+jws') {
      return { valid: false, keyId, problem: `not a receipt (typ ${verified.protectedHeader.typ ?? 'missing'})` };
    }
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as ReceiptPayload;
  } catch (error) {
    return { valid: false, keyId, problem: `signature does not verify: ${(error as Error).message}` };
  }
  if (content === undefined) return { valid: true, keyId, payload };
  const contentMatches = sha256Hex(canonicalJson(content)) === payload.contentSha256;
  return {
    valid: contentMatches,
    keyId,
    payload,
    contentMatches,
    ...(contentMatches
      ? {}
      : { problem: 'the content does not hash to the receipt (it differs from what was submitted)' }),
  };
}
