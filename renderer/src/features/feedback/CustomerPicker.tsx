import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/schemas';
import { useAllCustomers } from '../customers/useCustomers';

interface Props {
  value: string;
  onChange(customerId: string, customer: Customer | null): void;
  required?: boolean;
  error?: boolean;
  helperText?: string;
  id: string;
}

const describe = (c: Customer) => [c.name, c.code, c.institution].filter(Boolean).join(' · ');

/** Picks a customer of this computer by name, code or institution (for captures started without one). */
export function CustomerPicker({ value, onChange, required, error, helperText, id }: Readonly<Props>) {
  const { t } = useTranslation();
  const { data } = useAllCustomers();
  const sorted = useMemo(() => [...data].sort((a, b) => a.name.localeCompare(b.name)), [data]);
  const selected = sorted.find((c) => c.id === value) ?? null;
  return (
    <Autocomplete
      id={id}
      options={sorted}
      value={selected}
      onChange={(_, c) => onChange(c?.id ?? '', c)}
      getOptionLabel={describe}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={(props, c) => {
        const { key, ...rest } = props;
        return <li key={key} {...rest}>{describe(c)}</li>;
      }}
      renderInput={(params) => (
        <TextField {...params} label={t('feedback.customer')} required={required} error={error} helperText={helperText ?? ' '} />
      )}
    />
  );
}
