import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { parseDrill, type Drill } from './drill';
import { periodOf, parseFilters, writeFilters, type TeamFilters } from './teamFilters';
import type { TeamView } from './useTeam';

/** Filters and the open drill-down, in the URL. */
export function useTeamFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  const drillParam = params.get('drill');
  const drill = useMemo<Drill | null>(() => parseDrill(drillParam), [drillParam]);
  const setFilters = useCallback((f: TeamFilters) => setParams((prev) => writeFilters(prev, f), { replace: true }), [setParams]);
  const openDrill = useCallback((key: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('drill', key);
    return next;
  }), [setParams]);
  const closeDrill = useCallback(() => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.delete('drill');
    return next;
  }, { replace: true }), [setParams]);
  return { filters, setFilters, drill, openDrill, closeDrill };
}

/** The filters as label/value pairs in the UI language, for the exports. */
export function useFilterLabels(filters: TeamFilters, team: TeamView, use: { period?: boolean; coverage?: boolean }): [string, string][] {
  const { t } = useTranslation();
  return useMemo(() => {
    const out: [string, string][] = [[t('team.filters.rep'), filters.repId === null ? t('team.filters.allReps') : team.name(filters.repId)]];
    if (use.period) {
      const { from, to } = periodOf(filters, team.today);
      out.push([t('team.filters.period'), t('team.periodRange', { from, to })]);
    }
    if (use.coverage) out.push([t('team.filters.coverageDays'), String(filters.coverageDays)]);
    return out;
  }, [filters, team, use.period, use.coverage, t]);
}
