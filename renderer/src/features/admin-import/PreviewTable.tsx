import { useTranslation } from 'react-i18next';
import { MenuItem, Paper, TableContainer, Table, TableBody, TableCell, TableHead, TableRow, TextField, Tooltip } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import type { ImportField } from '../../../../shared/import/fields';
import type { ColumnMapping, RowError, Table as ImportTable } from '../../../../shared/import/types';
import { loose } from '../../i18n';

export const PREVIEW_ROWS = 20;

interface Props {
  table: ImportTable;
  fields: readonly ImportField[];
  mapping: ColumnMapping;
  errors: readonly RowError[];
  onMap(column: number, field: string | null): void;
}

/** The file's first rows under its own headers; each column's list picks the field it fills. Cells with an error are marked. */
export function PreviewTable({ table, fields, mapping, errors, onMap }: Props) {
  const { t } = useTranslation();
  const lt = loose(t);
  const fieldOfColumn = new Map(Object.entries(mapping).map(([field, column]) => [column, field]));
  const errorCells = new Set(errors.map((e) => `${e.line}:${e.field}`));
  const errorLines = new Set(errors.map((e) => e.line));
  return (
    <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 420 }}>
      <Table size="small" stickyHeader aria-label={t('adminImport.preview', { count: Math.min(PREVIEW_ROWS, table.rows.length) })}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 64, whiteSpace: 'nowrap' }}>{t('adminImport.line')}</TableCell>
            {table.headers.map((header, column) => (
              <TableCell key={column} sx={{ minWidth: 150, verticalAlign: 'top' }}>
                <TextField
                  select
                  size="small"
                  fullWidth
                  label={header || `${t('adminImport.column')} ${column + 1}`}
                  value={fieldOfColumn.get(column) ?? ''}
                  onChange={(e) => onMap(column, e.target.value === '' ? null : e.target.value)}
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                  <MenuItem value=""><em>{t('adminImport.notImported')}</em></MenuItem>
                  {fields.map((f) => (
                    <MenuItem key={f.key} value={f.key}>{lt(`adminImport.field.${f.key}`)}{f.required ? ' *' : ''}</MenuItem>
                  ))}
                </TextField>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.slice(0, PREVIEW_ROWS).map((row) => (
            <TableRow key={row.line} sx={errorLines.has(row.line) ? { bgcolor: 'error.50' } : undefined}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {row.line}
                {errorLines.has(row.line) && (
                  <Tooltip title={t('adminImport.rowHasErrors')}>
                    <ErrorOutlineIcon color="error" fontSize="inherit" sx={{ ml: 0.5, verticalAlign: 'middle' }} aria-label={t('adminImport.rowHasErrors')} />
                  </Tooltip>
                )}
              </TableCell>
              {table.headers.map((_, column) => {
                const field = fieldOfColumn.get(column);
                const bad = field !== undefined && errorCells.has(`${row.line}:${field}`);
                return (
                  <TableCell key={column} sx={{ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: field === undefined ? 'text.disabled' : undefined, ...(bad ? { outline: 2, outlineColor: 'error.main', outlineOffset: -2, color: 'error.main' } : {}) }}>
                    {row.cells[column] ?? ''}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
