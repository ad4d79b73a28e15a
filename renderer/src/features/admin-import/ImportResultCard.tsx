import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { ImportResult } from '../../../../shared/import/api';

/** What an import did; for users, the one-time passwords (shown once, here only). */
export function ImportResultCard({ result, onAnother }: { result: ImportResult; onAnother(): void }) {
  const { t } = useTranslation();
  return (
    <Stack spacing={2}>
      <Alert severity="success" role="status">
        {t('adminImport.done', { created: result.created, updated: result.updated, unchanged: result.unchanged })}
        {result.skipped > 0 && <> {t('adminImport.skipped', { count: result.skipped })}</>}
      </Alert>
      {result.passwords && result.passwords.length > 0 && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>{t('adminImport.passwordsTitle')}</Typography>
          <Typography variant="body2" color="warning.main" sx={{ mb: 1 }}>{t('adminImport.passwordsHelp')}</Typography>
          <Table size="small" aria-label={t('adminImport.passwordsTitle')}>
            <TableBody>
              {result.passwords.map((p) => (
                <TableRow key={p.userName}>
                  <TableCell>{p.userName}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{p.password}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      <Box><Button variant="outlined" onClick={onAnother}>{t('adminImport.another')}</Button></Box>
    </Stack>
  );
}
