import type { Principal } from '../../shared/principal.ts';

/**
 * Notifications belong to an organisation: its users (and its tokens) read and mark them, nobody else,
 * not even operator staff. A principal without an organisation (the command line) has none.
 */
export const notificationOrgOf = (p: Principal): string | null => (p.kind === 'anonymous' ? null : p.orgId);
