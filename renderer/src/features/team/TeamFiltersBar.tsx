import { useTranslation } from 'react-i18next';
import { MenuItem, Stack, TextField } from '@mui/material';
import { MAX_COVERAGE_DAYS, WEEK_CHOICES, type TeamFilters } from './teamFilters';
import type { TeamMember } from './teamMembers';

interface Props {
  filters: TeamFilters;
  members: readonly TeamMember[];
  onChange(filters: TeamFilters): void;
  /** Which filters this dashboard uses. */
  show: { period?: boolean; coverage?: boolean };
}

/** Rep, period and coverage window: the same filters for every figure and export on the page. */
export function TeamFiltersBar({ filters, members, onChange, show }: Readonly<Props>) {
  const { t } = useTranslation();
  const repKnown = filters.repId === null || members.some((m) => m.id === filters.repId);
  return (
    <Stack direction="row" role="group" aria-label={t('team.filters.label')} sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <TextField select id="team-rep" label={t('team.filters.rep')} value={filters.repId ?? ''} onChange={(e) => onChange({ ...filters, repId: e.target.value || null })} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} sx={{ width: 220 }} fullWidth={false}>
        <MenuItem value="">{t('team.filters.allReps')}</MenuItem>
        {members.map((m) => <MenuItem key={m.id} value={m.id}>{m.name}</MenuItem>)}
        {!repKnown && filters.repId && <MenuItem value={filters.repId}>{filters.repId}</MenuItem>}
      </TextField>
      {show.period && (
        <TextField select id="team-weeks" label={t('team.filters.period')} value={filters.weeks} onChange={(e) => onChange({ ...filters, weeks: Number(e.target.value) })} sx={{ width: 180 }} fullWidth={false}>
          {WEEK_CHOICES.map((w) => <MenuItem key={w} value={w}>{t('team.filters.weeks', { count: w })}</MenuItem>)}
        </TextField>
      )}
      {show.coverage && (
        <TextField
          id="team-days"
          type="number"
          label={t('team.filters.coverageDays')}
          value={filters.coverageDays}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= MAX_COVERAGE_DAYS) onChange({ ...filters, coverageDays: n });
          }}
          slotProps={{ htmlInput: { min: 1, max: MAX_COVERAGE_DAYS } }}
          helperText={t('team.filters.coverageHelp')}
          sx={{ width: 300 }}
          fullWidth={false}
        />
      )}
    </Stack>
  );
}
