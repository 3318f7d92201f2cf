import semver from 'semver';

/**
 * Affected-version checks. A range needs a comparator for its scheme; we only have semver's (node-semver), so a
 * range is accepted in schemes whose versions *are* SemVer 2.0 and refused elsewhere, where explicit versions are
 * the way to say what is affected. Per-ecosystem comparators (Maven, PEP 440, RPM, Debian) are future work: see
 * docs/adr/0005.
 */

export interface VersionRangeInput {
  scheme: string;
  introduced?: string | undefined;
  fixed?: string | undefined;
  lastAffected?: string | undefined;
  version?: string | undefined;
}
export type VersionField = 'introduced' | 'fixed' | 'lastAffected' | 'version';
export type VersionRangeResult = { ok: true } | { ok: false; problem: string; field?: VersionField };

/**
 * Schemes whose versions we compare with node-semver: `semver` itself, npm (node-semver *is* npm's comparator),
 * Cargo (SemVer 2.0 by specification) and Go modules (SemVer 2.0 with a mandatory `v` prefix).
 */
export const orderableSchemes = ['semver', 'npm', 'cargo', 'golang'] as const;

export function isOrderableScheme(scheme: string): boolean {
  return (orderableSchemes as readonly string[]).includes(scheme);
}

/** OSV convention: `introduced: "0"` means affected since the first version. */
const beginning = '0';

/**
 * Strict SemVer 2.0: node-semver's parser, but without the leniency it adds (leading `v` or `=`, surrounding
 * spaces), since `v1.2.3` is not a semantic version. Go versions must carry the `v`.
 */
function toSemver(scheme: string, value: string): semver.SemVer | undefined {
  let text = value;
  if (scheme === 'golang') {
    if (!text.startsWith('v')) return undefined;
    text = text.slice(1);
  }
  if (!/^[0-9]/.test(text) || text.trim() !== text) return undefined;
  return semver.parse(text) ?? undefined;
}

function invalid(scheme: string, field: VersionField, value: string): VersionRangeResult {
  const example = scheme === 'golang' ? 'v1.2.0' : '1.2.0';
  return {
    ok: false,
    field,
    problem: `${field} '${value}' is not a valid ${scheme === 'semver' ? 'semantic' : scheme} version (MAJOR.MINOR.PATCH, e.g. ${example})`,
  };
}

function checkOrder(range: VersionRangeInput): VersionRangeResult {
  const { scheme, introduced, fixed, lastAffected } = range;
  const parsed: Partial<Record<VersionField, semver.SemVer>> = {};
  for (const field of ['introduced', 'fixed', 'lastAffected'] as const) {
    const value = range[field];
    if (value === undefined || (field === 'introduced' && value === beginning)) continue;
    const v = toSemver(scheme, value);
    if (!v) return invalid(scheme, field, value);
    parsed[field] = v;
  }
  if (parsed.introduced && parsed.fixed && semver.compare(parsed.introduced, parsed.fixed) >= 0) {
    return { ok: false, field: 'fixed', problem: `introduced ${introduced} is not before fixed ${fixed}` };
  }
  if (parsed.introduced && parsed.lastAffected && semver.compare(parsed.introduced, parsed.lastAffected) > 0) {
    return {
      ok: false,
      field: 'lastAffected',
      problem: `introduced ${introduced} is after lastAffected ${lastAffected}`,
    };
  }
  return { ok: true };
}

/** Checks one entry of an affected product's `versions`: an explicit version, or an orderable range. */
export function checkVersionRange(range: VersionRangeInput): VersionRangeResult {
  const { scheme, introduced, fixed, lastAffected, version } = range;
  const isRange = introduced !== undefined || fixed !== undefined || lastAffected !== undefined;
  if (version !== undefined && isRange) {
    return {
      ok: false,
      problem: 'give either an explicit version or a range (introduced/fixed/lastAffected), not both',
    };
  }
  if (version === undefined && !isRange) {
    return { ok: false, problem: 'give an explicit version or a range (introduced, fixed or lastAffected)' };
  }
  if (version !== undefined) {
    if (isOrderableScheme(scheme) && !toSemver(scheme, version)) return invalid(scheme, 'version', version);
    return { ok: true };
  }
  if (fixed !== undefined && lastAffected !== undefined) {
    return { ok: false, field: 'lastAffected', problem: 'give fixed or lastAffected, not both' };
  }
  // "Every version" needs no comparator.
  if (introduced === beginning && fixed === undefined && lastAffected === undefined) return { ok: true };
  if (!isOrderableScheme(scheme)) {
    return { ok: false, problem: `cannot order versions in scheme '${scheme}'; give explicit versions` };
  }
  return checkOrder(range);
}

export type VersResult = { ok: true; ranges: VersionRangeInput[] } | { ok: false; problem: string };

/**
 * Reads the simple shapes of a `vers:` range (the purl project's version range specifier, used by CSAF
 * product_version_range): `>=a|<b`, `>=a|<=b`, `<b`, `<=b`, `>=a`, `=v`, `*`, and lists of them. Anything else
 * (`>`, `!=`, overlapping constraints) is refused rather than guessed.
 */
export function versToRanges(vers: string): VersResult {
  const match = /^vers:([a-z0-9.+-]+)\/(.+)$/i.exec(vers);
  if (!match) return { ok: false, problem: `'${vers}' is not a vers range (vers:<scheme>/<constraints>)` };
  const [, scheme = '', body = ''] = match;
  if (body === '*') return { ok: true, ranges: [{ scheme, introduced: beginning }] };
  const ranges: VersionRangeInput[] = [];
  let open: string | undefined;
  for (const constraint of body.split('|')) {
    const [, op = '', value = ''] = /^(>=|<=|<|>|!=|=)?(.+)$/.exec(constraint) ?? [];
    if (op === '>=' && open === undefined) open = value;
    else if (op === '<' || op === '<=') {
      const bound = op === '<' ? { fixed: value } : { lastAffected: value };
      ranges.push({ scheme, introduced: open ?? beginning, ...bound });
      open = undefined;
    } else if ((op === '=' || op === '') && open === undefined) ranges.push({ scheme, version: value });
    else return { ok: false, problem: `cannot map the vers constraint '${constraint}' in '${vers}'` };
  }
  if (open !== undefined) ranges.push({ scheme, introduced: open });
  for (const range of ranges) {
    const result = checkVersionRange(range);
    if (!result.ok) return { ok: false, problem: result.problem };
  }
  return { ok: true, ranges };
}
