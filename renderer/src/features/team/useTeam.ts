import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/schemas';
import { localDayOf } from '../../../../shared/reports/days';
import { localDay } from '../../../../shared/util/time';
import { useSessionStore } from '../../app/sessionStore';
import { nameLookup, teamMembers, type TeamMember } from './teamMembers';
import { useTeamData } from './useTeamData';

const NO_ROLES: Role[] = [];

export interface TeamView {
  me: { id: string; roles: readonly Role[] };
  members: TeamMember[];
  repIds: string[];
  name(userId: string): string;
  /** The manager's today (local day), fixed while the page is open. */
  today: string;
  dayOf(iso: string): string;
}

/** Who is looking, their team and names, today: what every dashboard needs besides the data. */
export function useTeam(): TeamView {
  const data = useTeamData();
  const { i18n } = useTranslation();
  const id = useSessionStore((s) => s.user.id);
  const roles = useSessionStore((s) => s.session?.user.roles ?? NO_ROLES);
  const [today] = useState(() => localDay());
  const [dayOf] = useState(localDayOf);
  const members = useMemo(() => teamMembers(data.colleagues, { id, roles }, i18n.language), [data.colleagues, id, roles, i18n.language]);
  const name = useMemo(() => nameLookup(data.colleagues), [data.colleagues]);
  const repIds = useMemo(() => members.map((m) => m.id), [members]);
  return { me: { id, roles }, members, repIds, name, today, dayOf };
}
