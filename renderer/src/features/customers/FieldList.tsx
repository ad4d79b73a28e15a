import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { Customer } from '../../../../shared/schemas';
import { getPath } from '../../../../shared/util/paths';
import { formatNumber } from '../../components/format';
import { fieldLabel, type FieldSpec } from './customerFields';

export interface FilledField {
  spec: FieldSpec;
  text: string;
}

/** The fields of a customer that hold a value, formatted for display in the UI language. */
export function useFilledFields(customer: Customer, fields: readonly FieldSpec[]): FilledField[] {
  const { t, i18n } = useTranslation();
  return fields
    .map((spec) => {
      const raw = getPath(customer, spec.path);
      if (raw === undefined || raw === null || raw === '') return null;
      const text =
        spec.kind === 'select'
          ? t(`${spec.optionPrefix}.${String(raw)}` as ParseKeys)
          : typeof raw === 'number'
            ? formatNumber(raw, i18n.language)
            : String(raw);
      return { spec, text };
    })
    .filter((r): r is FilledField => r !== null);
}

/** Label/value pairs; empty fields are not shown. */
export function FieldList({ rows }: Readonly<{ rows: readonly FilledField[] }>) {
  const { t } = useTranslation();
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
      {rows.map(({ spec, text }) => (
        <Box key={spec.path} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{fieldLabel(t, spec)}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Typography>
        </Box>
      ))}
    </Box>
  );
}
