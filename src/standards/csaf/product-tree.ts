import type { CsafBranch, CsafDocument, CsafFullProductName, CsafProductTree } from './csaf.types.ts';
import { productStatuses } from './csaf.types.ts';

/** A product id resolved through the product tree (CSAF 2.0 §3.1.3). */
export interface ResolvedProduct {
  productId: string;
  /** The full product name, e.g. "Cisco IOS 12.2SE 12.2(55)SE". */
  name: string;
  vendor?: string;
  product?: string;
  version?: string;
  /** A product_version_range branch name, e.g. `vers:generic/>=2.9|<=4.1`. */
  versionRange?: string;
  purl?: string;
  cpe?: string;
  /** For a relationship (§3.1.3.3): the product the component belongs to, e.g. a distribution. */
  platform?: string;
}

interface BranchPath {
  vendor?: string;
  family?: string;
  product?: string;
  version?: string;
  versionRange?: string;
}

function fromFullProductName(fpn: CsafFullProductName, path: BranchPath): ResolvedProduct {
  const helper = fpn.product_identification_helper;
  return {
    productId: fpn.product_id,
    name: fpn.name,
    ...(path.vendor !== undefined && { vendor: path.vendor }),
    ...((path.product ?? path.family) !== undefined && { product: path.product ?? path.family }),
    ...(path.version !== undefined && { version: path.version }),
    ...(path.versionRange !== undefined && { versionRange: path.versionRange }),
    ...(helper?.purl !== undefined && { purl: helper.purl }),
    ...(helper?.cpe !== undefined && { cpe: helper.cpe }),
  };
}

/** §3.1.2.2: the branch categories that say who, what and which version. */
function extendPath(path: BranchPath, branch: CsafBranch): BranchPath {
  switch (branch.category) {
    case 'vendor':
      return { ...path, vendor: branch.name };
    case 'product_family':
      return { ...path, family: branch.name };
    case 'product_name':
      return { ...path, product: branch.name };
    case 'product_version':
      return { ...path, version: branch.name };
    case 'product_version_range':
      return { ...path, versionRange: branch.name };
    case 'service_pack':
    case 'patch_level':
      return { ...path, version: path.version ? `${path.version} ${branch.name}` : branch.name };
    default:
      return path;
  }
}

function walk(branches: CsafBranch[], path: BranchPath, out: Map<string, ResolvedProduct>): void {
  for (const branch of branches) {
    const here = extendPath(path, branch);
    if (branch.product) out.set(branch.product.product_id, fromFullProductName(branch.product, here));
    if (branch.branches) walk(branch.branches, here, out);
  }
}

/** Every product id defined in the tree, resolved to vendor/product/version and identification helpers. */
export function resolveProducts(tree: CsafProductTree | undefined): Map<string, ResolvedProduct> {
  const out = new Map<string, ResolvedProduct>();
  if (!tree) return out;
  walk(tree.branches ?? [], {}, out);
  for (const fpn of tree.full_product_names ?? []) out.set(fpn.product_id, fromFullProductName(fpn, {}));
  for (const rel of tree.relationships ?? []) {
    const component = out.get(rel.product_reference);
    const platform = out.get(rel.relates_to_product_reference);
    // The component says what the product is (package, version, purl); the platform only where it ships.
    out.set(rel.full_product_name.product_id, {
      ...component,
      ...fromFullProductName(rel.full_product_name, {}),
      // Without a product_name branch or purl, the component's own full name is the best product name there is.
      ...(component && component.product === undefined && component.purl === undefined && { product: component.name }),
      ...(platform && { platform: platform.name }),
    });
  }
  return out;
}

/** CSAF 2.0 §6.1.1 Missing Definition of Product ID: every product id used must be defined in the tree. */
export function productIdsNotDefined(doc: CsafDocument): { pointer: string; detail: string }[] {
  const defined = resolveProducts(doc.product_tree);
  const errors: { pointer: string; detail: string }[] = [];
  const check = (ids: string[] | undefined, at: string) => {
    for (const [j, id] of (ids ?? []).entries()) {
      if (!defined.has(id)) errors.push({ pointer: `${at}/${j}`, detail: `product id '${id}' is not defined` });
    }
  };
  for (const [i, group] of (doc.product_tree?.product_groups ?? []).entries()) {
    check(group.product_ids, `/product_tree/product_groups/${i}/product_ids`);
  }
  for (const [i, v] of (doc.vulnerabilities ?? []).entries()) {
    const at = `/vulnerabilities/${i}`;
    for (const status of productStatuses) check(v.product_status?.[status], `${at}/product_status/${status}`);
    for (const [k, score] of (v.scores ?? []).entries()) check(score.products, `${at}/scores/${k}/products`);
    for (const [k, t] of (v.threats ?? []).entries()) check(t.product_ids, `${at}/threats/${k}/product_ids`);
    for (const [k, r] of (v.remediations ?? []).entries()) check(r.product_ids, `${at}/remediations/${k}/product_ids`);
  }
  return errors;
}
