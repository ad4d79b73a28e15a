import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import type { FieldError } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';
import { fieldLabel, type FieldSpec } from './customerFields';

interface Props {
  spec: FieldSpec;
  value: string;
  error: FieldError | undefined;
  onChange(path: string, value: string): void;
}

/** One customer field as a text box or a select, with its error right under it. */
export function FieldInput({ spec, value, error, onChange }: Readonly<Props>) {
  const { t } = useTranslation();
  const common = {
    id: `field-${spec.path.replace(/\./g, '-')}`,
    name: spec.path,
    label: fieldLabel(t, spec),
    value,
    required: spec.required,
    error: Boolean(error),
    helperText: fieldErrorText(t, error) ?? ' ',
    onChange: (e: { target: { value: string } }) => onChange(spec.path, e.target.value),
  };
  if (spec.kind === 'select') {
    return (
      <TextField select {...common}>
        {!spec.required && (
          <MenuItem value="">
            <em>{t('common.none')}</em>
          </MenuItem>
        )}
        {(spec.options ?? []).map((option) => (
          <MenuItem key={option} value={option}>
            {t(`${spec.optionPrefix}.${option}` as ParseKeys)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  return (
    <TextField
      {...common}
      multiline={spec.kind === 'multiline'}
      minRows={spec.kind === 'multiline' ? 2 : undefined}
      type={spec.kind === 'email' ? 'email' : spec.kind === 'tel' ? 'tel' : 'text'}
      slotProps={{ htmlInput: { inputMode: spec.kind === 'number' ? 'decimal' : spec.kind === 'integer' ? 'numeric' : undefined, noValidate: true } }}
    />
  );
}
