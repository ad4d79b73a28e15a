import { useMemo } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Box, CircularProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { ChartsLocalizationProvider } from '@mui/x-charts/ChartsLocalizationProvider';
import type { Role } from '../../../../shared/schemas';
import { useSessionStore } from '../../app/sessionStore';
import { ActivitiesPage } from './activities/ActivitiesPage';
import { OverviewPage } from './OverviewPage';
import { canUseTeamWorkspace } from './teamMembers';
import { scopeToTerritories } from './teamData';
import { TeamDataContext, useTeamDataSource } from './useTeamData';
import { ValuePage } from './value/ValuePage';

const NO_ROLES: Role[] = [];
const NO_TERRITORIES: string[] = [];
const TABS = ['overview', 'value', 'activities'] as const;
/** Filters that carry over between the dashboards. */
const SHARED_PARAMS = ['rep', 'weeks', 'days'];

/** The manager workspace (/team/…): the team's data on this computer, so it works offline too. */
export function TeamWorkspace() {
  const { t } = useTranslation();
  const roles = useSessionStore((s) => s.session?.user.roles ?? NO_ROLES);
  if (!canUseTeamWorkspace(roles)) {
    return <Alert severity="info" sx={{ m: 3 }}>{t('team.notAllowed')}</Alert>;
  }
  return <Workspace />;
}

function Workspace() {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: all, loading } = useTeamDataSource();
  const territoryIds = useSessionStore((s) => s.session?.user.territoryIds ?? NO_TERRITORIES);
  const admin = useSessionStore((s) => s.session?.user.roles.includes('admin') ?? false);
  const data = useMemo(() => scopeToTerritories(all, admin ? null : territoryIds), [all, admin, territoryIds]);
  const current = TABS.find((tab) => location.pathname.startsWith(`/team/${tab}`)) ?? false;
  const params = new URLSearchParams(location.search);
  const carried = new URLSearchParams(SHARED_PARAMS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const search = carried.size ? `?${carried}` : '';

  return (
    <Box sx={{ p: 3, pt: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 3, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('team.title')}</Typography>
        <Tabs value={current} aria-label={t('team.tabs.label')}>
          {TABS.map((tab) => <Tab key={tab} value={tab} label={t(`team.tabs.${tab}`)} component={Link} to={`/team/${tab}${search}`} />)}
        </Tabs>
      </Stack>
      {loading ? (
        <Stack direction="row" role="status" sx={{ gap: 2, alignItems: 'center', py: 4 }}>
          <CircularProgress size={24} />
          <Typography>{t('team.loading')}</Typography>
        </Stack>
      ) : (
        <TeamDataContext.Provider value={data}>
          <ChartsLocalizationProvider localeText={{ noData: t('team.chart.noData'), loading: t('team.chart.loading') }}>
            <Routes>
              <Route path="overview" element={<OverviewPage />} />
              <Route path="value" element={<ValuePage />} />
              <Route path="activities/*" element={<ActivitiesPage />} />
              <Route path="*" element={<Navigate to="overview" replace />} />
            </Routes>
          </ChartsLocalizationProvider>
        </TeamDataContext.Provider>
      )}
    </Box>
  );
}
