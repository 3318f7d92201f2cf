import { checkCpe23, cpeProduct, cpeUriToFormatted } from '../cpe.ts';
import { checkPurl, type Purl, purlPackage } from '../purl.ts';
import type { ReportDraftProduct, ReportDraftVersionRange } from '../report-draft.ts';
import { isOrderableScheme, versToRanges } from '../versions.ts';
import type { CsafDocument, CsafProductStatus } from './csaf.types.ts';
import type { ResolvedProduct } from './product-tree.ts';

/** Report limits (ReportInput: products ≤ 200, versions per product ≤ 100). */
const maxProducts = 200;
const maxVersions = 100;

/** CSAF 2.0 §3.2.3.9 product statuses that put a product in the report, and what the version means there. */
const statusRoles = {
  known_affected: 'affected',
  first_affected: 'first',
  last_affected: 'last',
  fixed: 'fixed',
  first_fixed: 'fixed',
} as const satisfies Partial<Record<keyof CsafProductStatus, string>>;
type Role = (typeof statusRoles)[keyof typeof statusRoles];

/** Version schemes named after purl types; everything else compares as 'generic' (explicit versions only). */
const purlSchemes: Record<string, string> = {
  npm: 'npm',
  cargo: 'cargo',
  golang: 'golang',
  maven: 'maven',
  pypi: 'pypi',
  rpm: 'rpm',
  deb: 'deb',
  gem: 'gem',
  nuget: 'nuget',
};

interface Identity {
  vendor: string;
  product: string;
  purl?: string;
  cpe?: string;
  version?: string;
  scheme: string;
}

const semverLike = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

function identify(p: ResolvedProduct, doc: CsafDocument, warnings: string[]): Identity {
  const purl = p.purl === undefined ? undefined : checkPurl(p.purl);
  if (purl && !purl.ok) warnings.push(`${p.productId}: purl dropped (${purl.problem})`);
  const parsedPurl: Purl | undefined = purl?.ok ? purl : undefined;
  let cpe: string | undefined;
  if (p.cpe !== undefined) {
    const parsed = p.cpe.startsWith('cpe:2.3:') ? checkCpe23(p.cpe) : cpeUriToFormatted(p.cpe);
    if (parsed.ok) cpe = cpeProduct(parsed);
    else warnings.push(`${p.productId}: CPE dropped (${parsed.problem})`);
  }
  // Red Hat's components have no product_name branch: the purl names the package and its version.
  const fromPurl = p.product === undefined && parsedPurl !== undefined;
  const version = fromPurl ? (parsedPurl?.version ?? p.version) : p.version;
  const publisher = doc.document.publisher.category === 'vendor' ? doc.document.publisher.name : undefined;
  const scheme = parsedPurl
    ? (purlSchemes[parsedPurl.type] ?? 'generic')
    : version !== undefined && semverLike.test(version)
      ? 'semver'
      : 'generic';
  return {
    vendor: p.vendor ?? publisher ?? parsedPurl?.namespace ?? 'unknown',
    product: (fromPurl ? parsedPurl?.name : p.product) ?? p.name,
    ...(parsedPurl && { purl: purlPackage(parsedPurl) }),
    ...(cpe !== undefined && { cpe }),
    ...(version !== undefined && { version }),
    scheme,
  };
}

function rangesFor(p: ResolvedProduct, id: Identity, role: Role, warnings: string[]): ReportDraftVersionRange[] {
  if (id.version === undefined) {
    if (p.versionRange === undefined || role === 'fixed') return [];
    const vers = versToRanges(p.versionRange);
    if (vers.ok) return vers.ranges;
    warnings.push(`${p.productId}: version range '${p.versionRange}' not recorded (${vers.problem})`);
    return [];
  }
  const { scheme, version } = id;
  if (isOrderableScheme(scheme)) {
    if (role === 'first') return [{ scheme, introduced: version }];
    if (role === 'last') return [{ scheme, introduced: '0', lastAffected: version }];
    if (role === 'fixed') return [{ scheme, fixed: version }];
  } else if (role === 'fixed') {
    warnings.push(
      `${id.product}: fixed in ${version} not recorded as a range ('${scheme}' versions cannot be ordered)`,
    );
    return [];
  }
  return [{ scheme, version }];
}

/**
 * The products a vulnerability concerns, grouped by vendor/product/package/CPE, each with the versions its
 * product ids stand for. Product ids the tree does not define are skipped with a warning.
 */
export function productsOf(
  status: CsafProductStatus | undefined,
  resolved: Map<string, ResolvedProduct>,
  doc: CsafDocument,
  warnings: string[],
): ReportDraftProduct[] {
  const grouped = new Map<string, ReportDraftProduct & { seen: Set<string> }>();
  for (const [status_, role] of Object.entries(statusRoles) as [keyof CsafProductStatus, Role][]) {
    for (const productId of status?.[status_] ?? []) {
      const p = resolved.get(productId);
      if (!p) {
        warnings.push(`${productId}: not defined in the product tree`);
        continue;
      }
      const id = identify(p, doc, warnings);
      const key = JSON.stringify([id.vendor, id.product, id.purl, id.cpe]);
      let entry = grouped.get(key);
      if (!entry) {
        entry = {
          vendor: id.vendor,
          product: id.product,
          ...(id.purl !== undefined && { purl: id.purl }),
          ...(id.cpe !== undefined && { cpe: id.cpe }),
          versions: [],
          seen: new Set(),
        };
        grouped.set(key, entry);
      }
      for (const range of rangesFor(p, id, role, warnings)) {
        const rangeKey = JSON.stringify(range);
        if (entry.seen.has(rangeKey)) continue;
        entry.seen.add(rangeKey);
        entry.versions.push(range);
      }
    }
  }
  const products = [...grouped.values()].map(({ seen: _seen, ...product }) => {
    if (product.versions.length <= maxVersions) return product;
    warnings.push(`${product.vendor} ${product.product}: ${product.versions.length - maxVersions} versions left out`);
    return { ...product, versions: product.versions.slice(0, maxVersions) };
  });
  if (products.length > maxProducts) warnings.push(`${products.length - maxProducts} products left out`);
  return products.slice(0, maxProducts);
}
