import type { Me } from '../../api/types';

// Mirrors src/modules/reports/reports.policy.ts so the UI offers only what the server will allow.

/** Partners, researchers and members report; viewers only read. */
export const canSubmitReports = (me: Me): boolean => me.role !== 'viewer';

/** Operator analysts and admins triage, coordinate and publish. */
export const canTriage = (me: Me): boolean =>
  me.orgKind === 'operator' && (me.role === 'admin' || me.role === 'analyst');

export const canAnswerAsVendor = (me: Me, relation: string): boolean => relation === 'vendor' && me.role !== 'viewer';

export const canComment = (me: Me, relation: string): boolean =>
  (relation === 'operator' && canTriage(me)) || (relation === 'reporter' && canSubmitReports(me));

export const canSubmitStage = (me: Me, relation: string): boolean => relation === 'reporter' && canSubmitReports(me);
