import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, type Activity, type Role } from '../../../../../shared/schemas';
import { activityEvaluation } from '../../../../../shared/reports/activities';
import { doneFollowUpVisitIds } from '../../../../../shared/reports/followUps';
import { indexVisits } from '../../../../../shared/reports/visitIndex';
import { useSessionStore } from '../../../app/sessionStore';
import { loose } from '../../../i18n';
import { drillKey } from '../drill';
import { DrillPanel } from '../DrillPanel';
import { buildLookups } from '../recordTables';
import { ReportCard } from '../ReportCard';
import { ReportTable } from '../ReportTable';
import { TeamFiltersBar } from '../TeamFiltersBar';
import { useExport } from '../useExport';
import { useTeam } from '../useTeam';
import { useTeamData } from '../useTeamData';
import { useFilterLabels, useTeamFilters } from '../useTeamFilters';
import { activitiesTable, resolveActivityDrill } from './activitiesModel';
import { ActivityDialog } from './ActivityDialog';
import { CostPerContactChart } from './CostPerContactChart';

const USES = {} as const;
const NO_TERRITORIES: string[] = [];
const NO_ROLES: Role[] = [];

/** Marketing activity evaluation: cost, contacts and customers reached, cost per contact, what followed. */
export function ActivitiesPage() {
  const { t, i18n } = useTranslation();
  const lt = loose(t);
  const lang = i18n.language;
  const data = useTeamData();
  const team = useTeam();
  const { filters, setFilters, drill, openDrill, closeDrill } = useTeamFilters();
  const [params, setParams] = useSearchParams();
  const kind = params.get('akind') ?? '';
  const status = params.get('astatus') ?? '';
  const myTerritories = useSessionStore((s) => s.session?.user.territoryIds ?? NO_TERRITORIES);
  const roles = useSessionStore((s) => s.session?.user.roles ?? NO_ROLES);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);

  const setParam = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  }, { replace: true });

  const territoryLabel = useMemo(() => {
    const reps = new Map<string, string[]>();
    for (const c of data.colleagues) if (c.roles.includes('rep')) for (const id of c.territoryIds) reps.set(id, [...(reps.get(id) ?? []), c.displayName]);
    return (id: string) => (reps.get(id)?.length ? `${id} · ${reps.get(id)!.join(', ')}` : id);
  }, [data.colleagues]);
  const territories = useMemo(() => {
    const ids = roles.includes('admin') ? [...new Set(data.colleagues.flatMap((c) => c.territoryIds))].sort() : myTerritories;
    return ids.map((id) => ({ id, label: territoryLabel(id) }));
  }, [roles, data.colleagues, myTerritories, territoryLabel]);
  const repTerritories = useMemo(() => (filters.repId === null ? null : new Set(data.colleagues.find((c) => c.id === filters.repId)?.territoryIds ?? [])), [filters.repId, data.colleagues]);

  const activities = useMemo(
    () => data.activities
      .filter((a) => (!kind || a.kind === kind) && (!status || a.status === status) && (repTerritories === null || repTerritories.has(a.territoryId)))
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a.name.localeCompare(b.name)),
    [data.activities, kind, status, repTerritories],
  );
  const doneIds = useMemo(() => doneFollowUpVisitIds(data.reminders), [data.reminders]);
  const index = useMemo(() => indexVisits(data.visits, { asOf: team.today, dayOf: team.dayOf }), [data.visits, team.today, team.dayOf]);
  const evaluation = useMemo(
    () => activityEvaluation(activities, index, { feedback: data.feedback, comments: data.comments }, { dayOf: team.dayOf, doneVisitIds: doneIds }),
    [activities, index, data.feedback, data.comments, team.dayOf, doneIds],
  );
  const table = useMemo(() => activitiesTable(evaluation, territoryLabel, lt), [evaluation, territoryLabel, lt]);

  const baseLabels = useFilterLabels(filters, team, USES);
  const exportTable = useExport(useMemo(() => [
    ...baseLabels,
    [t('team.col.kind'), kind ? t(`team.activityKind.${kind as Activity['kind']}`) : t('common.all')],
    [t('team.col.status'), status ? t(`team.activityStatus.${status as Activity['status']}`) : t('common.all')],
  ] as [string, string][], [baseLabels, kind, status, t]));

  const drillView = useMemo(() => {
    if (drill?.kind !== 'activity') return null;
    const row = evaluation.find((r) => r.activityId === drill.activityId);
    return row ? resolveActivityDrill(drill.part, row, index, doneIds, buildLookups(data, team.name), lt) : null;
  }, [drill, evaluation, index, doneIds, data, team.name, lt]);

  const money = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(v));

  return (
    <Stack spacing={2} sx={{ pb: 3 }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TeamFiltersBar filters={filters} members={team.members} onChange={setFilters} show={USES} />
        <TextField select id="activity-kind-filter" label={t('team.col.kind')} value={kind} onChange={(e) => setParam('akind', e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} sx={{ width: 180 }} fullWidth={false}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {ACTIVITY_KINDS.map((k) => <MenuItem key={k} value={k}>{t(`team.activityKind.${k}`)}</MenuItem>)}
        </TextField>
        <TextField select id="activity-status-filter" label={t('team.col.status')} value={status} onChange={(e) => setParam('astatus', e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} sx={{ width: 160 }} fullWidth={false}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {ACTIVITY_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`team.activityStatus.${s}`)}</MenuItem>)}
        </TextField>
        <Stack sx={{ flex: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing('new')} disabled={territories.length === 0}>{t('team.activities.new')}</Button>
      </Stack>

      <ReportCard id="activities-chart" title={t('team.activities.chartTitle')} subtitle={t('team.activities.chartHelp')}>
        <CostPerContactChart
          label={t('team.activities.chartTitle')}
          activities={evaluation.map((r) => ({ id: r.activityId, name: r.activity.name, costPerContact: r.costPerContact }))}
          seriesLabel={t('team.col.costPerContact')}
          formatMoney={money}
          onBarClick={(id) => openDrill(drillKey({ kind: 'activity', activityId: id, part: 'visits' }))}
        />
      </ReportCard>

      <ReportCard id="activities-table" title={t('team.activities.tableTitle', { count: evaluation.length })} subtitle={t('team.activities.tableHelp')} onExport={(f) => void exportTable(table, f)}>
        <ReportTable
          table={table}
          label={t('team.activities.tableTitle', { count: evaluation.length })}
          onDrill={openDrill}
          emptyText={t('team.activities.empty')}
          action={{
            header: t('team.col.edit'),
            render: (r) => {
              const a = evaluation[r]!.activity;
              return <Button size="small" startIcon={<EditOutlinedIcon />} onClick={() => setEditing(a)} aria-label={t('team.activities.editTitle', { name: a.name })}>{t('common.edit')}</Button>;
            },
          }}
        />
      </ReportCard>

      {editing !== null && <ActivityDialog existing={editing === 'new' ? undefined : editing} territories={territories} onClose={() => setEditing(null)} />}
      <DrillPanel view={drillView} onClose={closeDrill} onExport={(f) => drillView && void exportTable(drillView.table, f)} />
    </Stack>
  );
}
