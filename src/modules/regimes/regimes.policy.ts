import { isOperator, isOperatorAdmin, type Principal } from '../../shared/principal.ts';

/** Which regimes bind an organisation is the operator's decision: a partner cannot opt out of its obligations. */
export const canAssignRegimes = (p: Principal): boolean => isOperatorAdmin(p);

/** Operator staff watch every deadline; everyone else sees their own organisation's. */
export const canSeeAllObligations = (p: Principal): boolean => isOperator(p);
