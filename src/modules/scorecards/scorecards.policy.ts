import { isOperator, type Principal } from '../../shared/principal.ts';

/** Operator staff (any role) read every organisation's scorecard; an organisation's own users read their own. */
export const canReadScorecard = (p: Principal, orgId: string): boolean => isOperator(p) || p.orgId === orgId;

/** Statistics across partners are the operator's: they compare partners with each other. */
export const canReadStatistics = (p: Principal): boolean => isOperator(p);
