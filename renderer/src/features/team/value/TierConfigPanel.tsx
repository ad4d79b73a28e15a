import { useTranslation } from 'react-i18next';
import { Box, Button, Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { DEFAULT_TIER_CONFIG, VALUE_FIELDS, type TierConfig, type ValueField } from '../../../../../shared/reports/valueTiers';

interface Props {
  config: TierConfig;
  onChange(config: TierConfig): void;
}

const num = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : null;
};

/** Which value fields make the score (with weights), and where tiers A, B and C end. */
export function TierConfigPanel({ config, onChange }: Readonly<Props>) {
  const { t } = useTranslation();
  const weightOf = (field: ValueField) => config.fields.find((f) => f.field === field)?.weight;
  const setWeight = (field: ValueField, weight: number | null) => {
    const others = config.fields.filter((f) => f.field !== field);
    const fields = weight === null ? others : [...others, { field, weight }];
    if (fields.length > 0) onChange({ ...config, fields: VALUE_FIELDS.flatMap((f) => fields.filter((x) => x.field === f)) });
  };
  const setCutoff = (i: 0 | 1 | 2, value: number | null) => {
    if (value === null || value > 100) return;
    const cutoffs = [...config.cutoffs] as TierConfig['cutoffs'];
    cutoffs[i] = value;
    if (cutoffs[0] <= cutoffs[1] && cutoffs[1] <= cutoffs[2]) onChange({ ...config, cutoffs });
  };
  return (
    <Stack spacing={2}>
      <Box>
        <Typography variant="subtitle2" sx={{ mb: 0.5 }}>{t('team.value.fields')}</Typography>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
          {VALUE_FIELDS.map((field) => {
            const weight = weightOf(field);
            const on = weight !== undefined;
            return (
              <Stack key={field} direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
                <FormControlLabel control={<Checkbox checked={on} onChange={(e) => setWeight(field, e.target.checked ? 1 : null)} />} label={t(`field.${field}`)} />
                <TextField
                  id={`weight-${field}`}
                  label={t('team.value.weight')}
                  type="number"
                  value={on ? weight : ''}
                  disabled={!on}
                  onChange={(e) => {
                    const n = num(e.target.value);
                    if (n !== null) setWeight(field, n);
                  }}
                  slotProps={{ htmlInput: { min: 0, step: 0.5, 'aria-label': t('team.value.weightOf', { field: t(`field.${field}`) }) } }}
                  sx={{ width: 90 }}
                  fullWidth={false}
                />
              </Stack>
            );
          })}
        </Stack>
      </Box>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <TextField select id="tier-basis" label={t('team.value.basis')} value={config.basis} onChange={(e) => onChange({ ...config, basis: e.target.value === 'value' ? 'value' : 'customers' })} sx={{ width: 340 }} fullWidth={false}>
          <MenuItem value="customers">{t('team.value.basisCustomers')}</MenuItem>
          <MenuItem value="value">{t('team.value.basisValue')}</MenuItem>
        </TextField>
        {(['A', 'B', 'C'] as const).map((tier, i) => (
          <TextField
            key={tier}
            id={`cutoff-${tier}`}
            type="number"
            label={t('team.value.cutoff', { tier })}
            value={config.cutoffs[i]}
            onChange={(e) => setCutoff(i as 0 | 1 | 2, num(e.target.value))}
            slotProps={{ htmlInput: { min: 0, max: 100 } }}
            sx={{ width: 130 }}
            fullWidth={false}
          />
        ))}
        <Button onClick={() => onChange(DEFAULT_TIER_CONFIG)}>{t('team.value.reset')}</Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t(config.basis === 'customers' ? 'team.value.explainCustomers' : 'team.value.explainValue', { a: config.cutoffs[0], b: config.cutoffs[1], c: config.cutoffs[2] })}
      </Typography>
    </Stack>
  );
}
