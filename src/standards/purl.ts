import { PackageURL } from 'packageurl-js';

/** A parsed Package URL (purl spec, ECMA-427). `canonical` is the library's normalised form. */
export interface Purl {
  type: string;
  namespace: string | undefined;
  name: string;
  version: string | undefined;
  qualifiers: Record<string, string>;
  subpath: string | undefined;
  canonical: string;
}
export type PurlResult = ({ ok: true } & Purl) | { ok: false; problem: string };

/**
 * Parses and validates a purl with packageurl-js, which checks the generic grammar and the per-type rules it knows
 * (e.g. maven needs a namespace) and normalises per type (pypi names lower-cased, `_` → `-`). Types it does not
 * know are accepted, as the purl spec allows.
 */
export function checkPurl(s: string): PurlResult {
  try {
    const purl = PackageURL.fromString(s);
    return {
      ok: true,
      type: purl.type,
      namespace: purl.namespace ?? undefined,
      name: purl.name,
      version: purl.version ?? undefined,
      qualifiers: { ...(purl.qualifiers ?? {}) },
      subpath: purl.subpath ?? undefined,
      canonical: purl.toString(),
    };
  } catch (error) {
    // The library's messages are specific ("maven requires a \"namespace\" component"); keep them, minus its prefix.
    const message = error instanceof Error ? error.message.replace(/^Invalid purl: /, '') : String(error);
    return { ok: false, problem: `invalid purl: ${message}` };
  }
}

/** The package a purl names, without version, qualifiers or subpath: one product, whichever build of it. */
export function purlPackage(purl: Purl): string {
  return new PackageURL(purl.type, purl.namespace, purl.name, undefined, undefined, undefined).toString();
}
