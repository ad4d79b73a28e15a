import type { Role } from '../../../../shared/schemas';
import { mayWriteCollection } from '../../../../shared/sync/access';
import { useSessionStore } from '../../app/sessionStore';

const NO_ROLES: readonly Role[] = [];

/** The signed-in user's roles (empty before sign-in). */
export function useMyRoles(): readonly Role[] {
  return useSessionStore((s) => s.session?.user.roles ?? NO_ROLES);
}

/** Managers and admins write and publish knowledge (the server refuses everyone else). */
export function canWriteKnowledge(roles: readonly Role[]): boolean {
  return mayWriteCollection(roles, 'articles');
}
