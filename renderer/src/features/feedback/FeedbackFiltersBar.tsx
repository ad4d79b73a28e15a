import { useTranslation } from 'react-i18next';
import { Button, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../../../../shared/schemas';
import type { FeedbackFilterValues } from './feedbackFilters';
import type { FeedbackKind, FeedbackStatus } from './feedbackFormModel';
import type { Choice } from './FeedbackForm';

interface Props {
  value: FeedbackFilterValues;
  products: readonly string[];
  reps: readonly Choice[];
  onChange(value: FeedbackFilterValues): void;
  onClear(): void;
  filtered: boolean;
}

/** Kind and status (several at once; none = all), product, rep and a date range. */
export function FeedbackFiltersBar({ value, products, reps, onChange, onClear, filtered }: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof FeedbackFilterValues>(key: K, v: FeedbackFilterValues[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup size="small" value={value.kinds} onChange={(_, v: FeedbackKind[]) => set('kinds', v)} aria-label={t('feedback.filterKind')}>
          {FEEDBACK_KINDS.map((k) => (
            <ToggleButton key={k} value={k} sx={{ px: 1.25, textTransform: 'none' }}>{t(`feedback.kind.${k}`)}</ToggleButton>
          ))}
        </ToggleButtonGroup>
        <ToggleButtonGroup size="small" value={value.statuses} onChange={(_, v: FeedbackStatus[]) => set('statuses', v)} aria-label={t('feedback.filterStatus')}>
          {FEEDBACK_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, textTransform: 'none' }}>{t(`feedback.status.${s}`)}</ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField select fullWidth={false} id="filter-product" label={t('feedback.product')} value={value.product} onChange={(e) => set('product', e.target.value)} sx={{ width: 260 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {products.map((p) => <MenuItem key={p} value={p}>{p}</MenuItem>)}
        </TextField>
        <TextField select fullWidth={false} id="filter-rep" label={t('feedback.rep')} value={value.repId} onChange={(e) => set('repId', e.target.value)} sx={{ width: 200 }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{t('common.all')}</MenuItem>
          {reps.map((r) => <MenuItem key={r.id} value={r.id}>{r.label}</MenuItem>)}
        </TextField>
        <TextField fullWidth={false} type="date" id="filter-from" label={t('feedback.from')} value={value.from} onChange={(e) => set('from', e.target.value)} sx={{ width: 170 }} slotProps={{ inputLabel: { shrink: true } }} />
        <TextField fullWidth={false} type="date" id="filter-to" label={t('feedback.to')} value={value.to} onChange={(e) => set('to', e.target.value)} sx={{ width: 170 }} slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: value.from || undefined } }} />
        {filtered && <Button onClick={onClear}>{t('feedback.clearFilters')}</Button>}
      </Stack>
    </Stack>
  );
}
