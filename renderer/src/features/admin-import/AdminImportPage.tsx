import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, MenuItem, Stack, TextField, Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFileOutlined';
import type { ImportResult } from '../../../../shared/import/api';
import { checkRows } from '../../../../shared/import/checkRows';
import { fieldsOf } from '../../../../shared/import/fields';
import { suggestMapping } from '../../../../shared/import/mapping';
import { readTable } from '../../../../shared/import/readTable';
import { IMPORT_KINDS, type ColumnMapping, type ImportKind, type Table } from '../../../../shared/import/types';
import { useOnline } from '../../app/useOnline';
import { useSessionStore } from '../../app/sessionStore';
import { loose } from '../../i18n';
import { describeError } from '../auth/apiError';
import { ErrorList } from './ErrorList';
import { ImportResultCard } from './ImportResultCard';
import { postImport } from './importClient';
import { PREVIEW_ROWS, PreviewTable } from './PreviewTable';

interface LoadedFile {
  name: string;
  table: Table;
  format: string;
  /** Changes with every file chosen, so a server answer is never taken for another file's. */
  serial: number;
}

type ServerCheck = { key: string; state: 'checking' } | { key: string; state: 'done'; result: ImportResult } | { key: string; state: 'failed'; message: string };

/** Master-data import (admins): file → kind → preview with column mapping → errors → import. */
export function AdminImportPage() {
  const { t } = useTranslation();
  const roles = useSessionStore((s) => s.session?.user.roles);
  if (!roles?.includes('admin')) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h1" sx={{ mb: 2 }}>{t('adminImport.title')}</Typography>
        <Alert severity="info">{t('adminImport.notAllowed')}</Alert>
      </Box>
    );
  }
  return <ImportScreen />;
}

function ImportScreen() {
  const { t } = useTranslation();
  const lt = loose(t);
  const online = useOnline();
  const [kind, setKind] = useState<ImportKind>('customers');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [check, setCheck] = useState<ServerCheck | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);

  const fields = fieldsOf(kind);
  const missing = fields.filter((f) => f.required && mapping[f.key] === undefined);
  // Offline (and until the server answers): the same checks on this computer, without the organisation's data.
  const local = useMemo(() => (file && missing.length === 0 ? checkRows(kind, file.table, mapping) : null), [file, kind, mapping, missing.length]);
  const key = file ? JSON.stringify([file.serial, kind, mapping]) : '';

  useEffect(() => {
    if (!file || !online || missing.length > 0) return;
    let live = true;
    const timer = setTimeout(() => {
      setCheck({ key, state: 'checking' });
      postImport(kind, { mode: 'preview', table: file.table, mapping }).then(
        (answer) => live && setCheck(answer.ok ? { key, state: 'done', result: answer.result } : { key, state: 'failed', message: answer.refusal.message }),
        (e: unknown) => live && setCheck({ key, state: 'failed', message: describeError(e) }),
      );
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [file, kind, mapping, online, key, missing.length]);

  const checked = check?.key === key && check.state === 'done' ? check.result : null;
  const errors = checked?.errors ?? local?.errors ?? [];
  const total = file?.table.rows.length ?? 0;
  const valid = checked ? checked.valid : (local?.valid.length ?? 0);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setReadError(null);
    setFailure(null);
    setDone(null);
    try {
      const read = await readTable(new Uint8Array(await chosen.arrayBuffer()), chosen.name);
      setFile({ name: chosen.name, table: read.table, format: read.format === 'xlsx' ? 'Excel (.xlsx)' : `CSV (${read.encoding?.toUpperCase() ?? ''})`, serial: Date.now() });
      setMapping(suggestMapping(kind, read.table.headers));
    } catch (e) {
      setFile(null);
      setReadError(describeError(e));
    }
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    setFailure(null);
    if (file) setMapping(suggestMapping(next, file.table.headers));
  };

  const map = (column: number, field: string | null) => {
    setMapping((current) => {
      const next: ColumnMapping = {};
      for (const [f, c] of Object.entries(current)) if (c !== column && f !== field) next[f] = c;
      if (field) next[field] = column;
      return next;
    });
  };

  const commit = async (validOnly: boolean) => {
    if (!file) return;
    setConfirming(false);
    setBusy(true);
    setFailure(null);
    try {
      const answer = await postImport(kind, { mode: 'commit', table: file.table, mapping, validOnly });
      if (answer.ok) setDone(answer.result);
      else setFailure(t('adminImport.refused', { message: answer.refusal.message }));
    } catch (e) {
      setFailure(t('adminImport.importFailed', { message: describeError(e) }));
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setFile(null);
    setDone(null);
    setCheck(null);
    setMapping({});
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1200 }}>
      <Typography variant="h1" sx={{ mb: 1 }}>{t('adminImport.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('adminImport.intro')}</Typography>
      {!online && <Alert severity="warning" sx={{ mb: 2 }}>{t('adminImport.offline')}</Alert>}
      {done ? (
        <ImportResultCard result={done} onAnother={reset} />
      ) : (
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField select size="small" label={t('adminImport.kind')} value={kind} onChange={(e) => changeKind(e.target.value as ImportKind)} sx={{ width: 240, flex: '0 0 auto' }}>
              {IMPORT_KINDS.map((k) => <MenuItem key={k} value={k}>{lt(`adminImport.kinds.${k}`)}</MenuItem>)}
            </TextField>
            <Button component="label" variant="outlined" startIcon={<UploadFileIcon />}>
              {t('adminImport.chooseFile')}
              <input hidden type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={chooseFile} data-testid="import-file" />
            </Button>
            {file && <Typography variant="body2">{t('adminImport.fileInfo', { name: file.name, format: file.format, count: total })}</Typography>}
          </Stack>
          <Typography variant="body2" color="text.secondary">{lt(`adminImport.keyHint.${kind}`)}</Typography>
          {readError && <Alert severity="error">{t('adminImport.readFailed', { message: readError })}</Alert>}
          {file && (
            <>
              <Typography component="h2" variant="h6">{t('adminImport.mapping')}</Typography>
              <Typography variant="body2" color="text.secondary">{t('adminImport.mappingHelp')}</Typography>
              {missing.length > 0 && (
                <Alert severity="warning">{t('adminImport.missingRequired', { fields: missing.map((f) => lt(`adminImport.field.${f.key}`)).join(t('adminImport.fieldSeparator')) })}</Alert>
              )}
              <Typography variant="subtitle2">{t('adminImport.preview', { count: Math.min(PREVIEW_ROWS, total) })}</Typography>
              <PreviewTable table={file.table} fields={fields} mapping={mapping} errors={errors} onMap={map} />
              {missing.length === 0 && (
                <>
                  {check?.key === key && check.state === 'checking' && (
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}><CircularProgress size={16} /><Typography variant="body2">{t('adminImport.checking')}</Typography></Stack>
                  )}
                  {!checked && !(check?.key === key && check.state === 'checking') && <Typography variant="body2" color="text.secondary">{t('adminImport.checkedOffline')}</Typography>}
                  {check?.key === key && check.state === 'failed' && <Alert severity="error">{t('adminImport.importFailed', { message: check.message })}</Alert>}
                  <ErrorList errors={errors} />
                  <Typography variant="body1">{t('adminImport.summary', { total, valid, invalid: total - valid })}</Typography>
                  {checked && <Typography variant="body1">{t('adminImport.plan', { created: checked.created, updated: checked.updated, unchanged: checked.unchanged })}</Typography>}
                  {failure && <Alert severity="error">{failure}</Alert>}
                  <Stack direction="row" spacing={2}>
                    <Button variant="contained" disabled={!online || !checked || errors.length > 0 || valid === 0 || busy} onClick={() => void commit(false)}>
                      {busy ? t('adminImport.importing') : t('adminImport.importAll')}
                    </Button>
                    {errors.length > 0 && (
                      <Button variant="outlined" color="warning" disabled={!online || !checked || valid === 0 || busy} onClick={() => setConfirming(true)}>
                        {t('adminImport.importValid', { count: valid })}
                      </Button>
                    )}
                  </Stack>
                </>
              )}
            </>
          )}
        </Stack>
      )}
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="import-valid-title">
        <DialogTitle id="import-valid-title">{t('adminImport.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t('adminImport.confirmText', { count: total - valid })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{t('adminImport.cancel')}</Button>
          <Button variant="contained" color="warning" onClick={() => void commit(true)}>{t('adminImport.confirm', { count: valid })}</Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
