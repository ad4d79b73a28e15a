import { useTranslation } from 'react-i18next';
import { Autocomplete, Chip, TextField, type SxProps, type Theme } from '@mui/material';

interface Props {
  label: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (products: string[]) => void;
  sx?: SxProps<Theme>;
}

/** Products as chips: picked from the catalogue or typed (a competitor's product, say). */
export function ProductsField({ label, options, value, onChange, sx }: Readonly<Props>) {
  const { t } = useTranslation();
  return (
    <Autocomplete
      multiple
      freeSolo
      options={[...options]}
      value={[...value]}
      onChange={(_, v) => onChange(v.map(String))}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} label={option} size="small" {...itemProps} />;
        })
      }
      renderInput={(params) => <TextField {...params} label={label} helperText={t('visits.productsHelp')} />}
      {...(sx ? { sx } : {})}
    />
  );
}
