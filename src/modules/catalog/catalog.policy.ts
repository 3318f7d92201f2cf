import { isOperatorAdmin, type Principal } from '../../shared/principal.ts';

/** The catalog is public data: anyone signed in may read it. */
export const canReadCatalog = (p: Principal): boolean => p.kind !== 'anonymous';

/** Importing replaces what everyone reads, so only operator admins (and the operator's CLI) do it. */
export const canImportCatalog = (p: Principal): boolean => isOperatorAdmin(p);
