import { useTranslation } from 'react-i18next';
import { Alert, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { RowError } from '../../../../shared/import/types';
import { loose } from '../../i18n';
import { rowErrorText } from './rowErrorText';

const SHOWN = 200;

/** Every row error by line, field and reason (the first 200; the count says how many there are). */
export function ErrorList({ errors }: { errors: readonly RowError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return <Alert severity="success">{t('adminImport.noErrors')}</Alert>;
  return (
    <Alert severity="error" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>{t('adminImport.errors', { count: errors.length })}</Typography>
      <List dense aria-label={t('adminImport.errors', { count: errors.length })} sx={{ maxHeight: 220, overflow: 'auto', py: 0 }}>
        {errors.slice(0, SHOWN).map((e, i) => (
          <ListItem key={`${e.line}-${e.field}-${i}`} disableGutters sx={{ py: 0 }}>
            <ListItemText primary={rowErrorText(loose(t), e)} />
          </ListItem>
        ))}
      </List>
      {errors.length > SHOWN && <Typography variant="body2">{t('adminImport.moreErrors', { count: errors.length - SHOWN })}</Typography>}
    </Alert>
  );
}
