import { Box, MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from '../../../../../shared/schemas';
import type { FieldErrors } from '../../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../../components/fieldError';
import type { ActivityFormValues, ActivityKind, ActivityStatus } from './activityFormModel';
import { ProductsField } from '../../visits/ProductsField';

interface Props {
  values: ActivityFormValues;
  errors: FieldErrors;
  territories: readonly { id: string; label: string }[];
  productOptions: readonly string[];
  onChange(values: ActivityFormValues): void;
}

/** The fields of a marketing activity: name, kind, status, territory, dates, cost, products. */
export function ActivityForm({ values, errors, territories, productOptions, onChange }: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof ActivityFormValues>(key: K, value: ActivityFormValues[K]) => onChange({ ...values, [key]: value });
  const err = (path: string) => ({ error: Boolean(errors[path]), helperText: fieldErrorText(t, errors[path]) ?? ' ' });
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', columnGap: 2, pt: 1 }}>
      <TextField id="activity-name" label={t('team.activities.name')} required value={values.name} onChange={(e) => set('name', e.target.value)} sx={{ gridColumn: '1 / -1' }} {...err('name')} />
      <TextField select id="activity-kind" label={t('team.col.kind')} value={values.kind} onChange={(e) => set('kind', e.target.value as ActivityKind)} {...err('kind')}>
        {ACTIVITY_KINDS.map((k) => <MenuItem key={k} value={k}>{t(`team.activityKind.${k}`)}</MenuItem>)}
      </TextField>
      <TextField select id="activity-status" label={t('team.col.status')} value={values.status} onChange={(e) => set('status', e.target.value as ActivityStatus)} {...err('status')}>
        {ACTIVITY_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`team.activityStatus.${s}`)}</MenuItem>)}
      </TextField>
      <TextField select id="activity-territory" label={t('team.col.territory')} required value={values.territoryId} onChange={(e) => set('territoryId', e.target.value)} sx={{ gridColumn: '1 / -1' }} {...err('territoryId')}>
        {territories.map((tr) => <MenuItem key={tr.id} value={tr.id}>{tr.label}</MenuItem>)}
      </TextField>
      <TextField id="activity-start" type="date" label={t('team.col.start')} required value={values.startDate} onChange={(e) => set('startDate', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...err('startDate')} />
      <TextField id="activity-end" type="date" label={t('team.col.end')} value={values.endDate} onChange={(e) => set('endDate', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...err('endDate')} />
      <TextField id="activity-cost" label={t('team.col.activityCost')} value={values.cost} onChange={(e) => set('cost', e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...err('cost.amount')} />
      <TextField id="activity-currency" label={t('team.col.currency')} value={values.currency} onChange={(e) => set('currency', e.target.value)} {...err('cost.currency')} />
      <ProductsField label={t('team.activities.products')} options={productOptions} value={values.products} onChange={(v) => set('products', v)} sx={{ gridColumn: '1 / -1' }} />
      <TextField id="activity-description" label={t('team.activities.description')} multiline minRows={2} value={values.description} onChange={(e) => set('description', e.target.value)} sx={{ gridColumn: '1 / -1', mt: 1 }} {...err('description')} />
    </Box>
  );
}
