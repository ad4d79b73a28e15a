import type { Role } from '../schemas';

/**
 * Who is acting, as every authorization rule sees it. The server derives it from the access
 * token on every request; the app has the same view of its signed-in user.
 */
export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** Territories the actor may read and write: a rep's own, a manager's team's; ignored for admins. */
  territoryIds: readonly string[];
  /** Device the request came from (null for the server CLI). */
  deviceId: string | null;
}

export const isAdmin = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('admin');
export const isManager = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('manager');
