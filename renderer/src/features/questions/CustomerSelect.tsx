import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import type { Customer } from '../../../../shared/schemas';
import { useAllCustomers } from '../customers/useCustomers';

const describe = (c: Customer) => [c.name, c.institution, c.code].filter(Boolean).join(' · ');
const collator = new Intl.Collator('zh-CN');

/** Picks one of this computer's customers by name, institution or code; empty is allowed. */
export function CustomerSelect({ id, label, value, onChange }: Readonly<{ id: string; label: string; value: string; onChange(id: string): void }>) {
  const { data } = useAllCustomers();
  const sorted = useMemo(() => [...data].sort((a, b) => collator.compare(a.name, b.name)), [data]);
  const selected = sorted.find((c) => c.id === value) ?? null;
  return (
    <Autocomplete
      id={id}
      options={sorted}
      value={selected}
      onChange={(_, c) => onChange(c?.id ?? '')}
      getOptionLabel={describe}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      renderOption={(props, c) => {
        const { key, ...rest } = props;
        return <li key={key} {...rest}>{describe(c)}</li>;
      }}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}
