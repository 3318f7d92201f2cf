import { isOperator, isOperatorAdmin, type Principal } from '../../shared/principal.ts';

/** Operator staff oversee the whole programme; an organisation's users see only their own violations. */
export const canSeeAllViolations = (p: Principal): boolean => isOperator(p);

/** The rules are the operator's programme configuration. */
export const canReadRules = (p: Principal): boolean => isOperator(p);

/** Running the engine on demand opens violations against organisations: operator admins only. */
export const canEvaluateRules = (p: Principal): boolean => isOperatorAdmin(p);
