import { Box, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { Customer } from '../../../../shared/schemas';
import { getPath } from '../../../../shared/util/paths';
import { formatNumber } from '../../components/format';
import type { FieldSpec } from './customerFields';

/** The filled fields of a section as label/value pairs; empty fields are not shown. */
export function FieldList({ customer, fields }: Readonly<{ customer: Customer; fields: readonly FieldSpec[] }>) {
  const { t, i18n } = useTranslation();
  const rows = fields
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
    .filter((r): r is { spec: FieldSpec; text: string } => r !== null);
  if (rows.length === 0) return <Typography color="text.secondary">{t('common.none')}</Typography>;
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 2, rowGap: 0.75, m: 0 }}>
      {rows.map(({ spec, text }) => (
        <Box key={spec.path} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{t(spec.label)}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{text}</Typography>
        </Box>
      ))}
    </Box>
  );
}
