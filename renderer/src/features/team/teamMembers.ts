import type { Colleague, Role } from '../../../../shared/schemas';

/** Who may open the manager workspace: managers (their team) and admins (everyone). */
export function canUseTeamWorkspace(roles: readonly Role[]): boolean {
  return roles.includes('manager') || roles.includes('admin');
}

export interface TeamMember {
  id: string;
  name: string;
}

/**
 * The reps a dashboard lists even when they did nothing: a manager's direct reports
 * (colleagues whose manager they are), an admin's: every active rep. Sorted by name.
 */
export function teamMembers(colleagues: readonly Colleague[], me: { id: string; roles: readonly Role[] }, language: string): TeamMember[] {
  const manager = me.roles.includes('manager');
  if (!manager && !me.roles.includes('admin')) return [];
  const members = colleagues.filter((c) => c.active && (manager ? c.managerId === me.id : c.roles.includes('rep')));
  const collator = new Intl.Collator(language);
  return members.map((c) => ({ id: c.id, name: c.displayName })).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id));
}

/** Display names by user id; an unknown id (a user not in the directory yet) shows as itself. */
export function nameLookup(colleagues: readonly Colleague[]): (id: string) => string {
  const names = new Map(colleagues.map((c) => [c.id, c.displayName]));
  return (id) => names.get(id) ?? id;
}
