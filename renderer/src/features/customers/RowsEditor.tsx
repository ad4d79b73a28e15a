import { Box, Button, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';

export interface ColumnSpec<R> {
  key: keyof R & string;
  label: string;
  options?: readonly { value: string; label: string }[];
  width?: number;
}

interface Props<R> {
  title: string;
  /** Error path prefix, e.g. "keyDates" → errors["keyDates.0.date"]. */
  path: string;
  rows: readonly R[];
  columns: readonly ColumnSpec<R>[];
  errors: FieldErrors;
  /** Label of the add button, e.g. "Add sample"; defaults to "Add". */
  addLabel?: string;
  newRow(): R;
  onChange(rows: R[]): void;
}

/** A small editable table: add, edit and remove rows (key dates, contact persons, samples…). */
export function RowsEditor<R extends Record<string, string>>({ title, path, rows, columns, errors, addLabel, newRow, onChange }: Readonly<Props<R>>) {
  const { t } = useTranslation();
  const setCell = (i: number, key: keyof R, value: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <Box>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>{title}</Typography>
      <Stack spacing={1}>
        {rows.map((row, i) => (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            {columns.map((col) => {
              const error = errors[`${path}.${i}.${col.key}`];
              return (
                <TextField
                  key={col.key}
                  select={Boolean(col.options)}
                  label={col.label}
                  value={row[col.key]}
                  error={Boolean(error)}
                  helperText={fieldErrorText(t, error) ?? ' '}
                  onChange={(e) => setCell(i, col.key, e.target.value)}
                  sx={{ flex: col.width ?? 1 }}
                  slotProps={{ htmlInput: { 'aria-label': `${col.label} ${i + 1}` } }}
                >
                  {col.options?.map((o) => (
                    <MenuItem key={o.value} value={o.value}>{o.label}</MenuItem>
                  ))}
                </TextField>
              );
            })}
            <IconButton aria-label={`${t('common.remove')} ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))} sx={{ mt: 0.5 }}>
              <DeleteOutlineIcon fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...rows, newRow()])}>
        {addLabel ?? t('common.add')}
      </Button>
    </Box>
  );
}
