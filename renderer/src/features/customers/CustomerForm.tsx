import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FormEvent } from 'react';
import { KEY_DATE_KINDS } from '../../../../shared/schemas';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { allSections, isShownFor } from './customerFields';
import type { ContactRow, CustomerFormValues, KeyDateRow } from './customerFormModel';
import { FieldInput } from './FieldInput';
import { RowsEditor } from './RowsEditor';

interface Props {
  title: string;
  values: CustomerFormValues;
  errors: FieldErrors;
  saving: boolean;
  onChange(values: CustomerFormValues): void;
  onSubmit(): void;
  onCancel(): void;
}

/** Create/edit form for the customer file: base record and assessment, every field optional but code, name and type. */
export function CustomerForm({ title, values, errors, saving, onChange, onSubmit, onCancel }: Readonly<Props>) {
  const { t } = useTranslation();
  const type = values.fields.type ?? 'hcp';
  const setField = (path: string, value: string) => onChange({ ...values, fields: { ...values.fields, [path]: value } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={title} sx={{ p: 3, maxWidth: 1100 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2, gap: 2, position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.default', py: 1 }}>
        <Typography variant="h1" sx={{ flex: 1 }}>{title}</Typography>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving}>{t('common.save')}</Button>
      </Stack>
      {hasErrors && <Alert severity="error" sx={{ mb: 2 }}>{t('common.fixErrors')}</Alert>}
      <Stack spacing={2}>
        {allSections.map((section) => {
          const fields = section.fields.filter((f) => isShownFor(f, type));
          if (fields.length === 0) return null;
          return (
            <Card key={section.id} component="section" aria-labelledby={`section-${section.id}`}>
              <CardContent>
                <Typography id={`section-${section.id}`} variant="h3" sx={{ mb: 2 }}>{t(section.title)}</Typography>
                <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2 }}>
                  {fields.map((spec) => (
                    <Box key={spec.path} sx={spec.wide ? { gridColumn: '1 / -1' } : undefined}>
                      <FieldInput spec={spec} value={values.fields[spec.path] ?? ''} error={errors[spec.path]} onChange={setField} />
                    </Box>
                  ))}
                </Box>
                {section.id === 'contact' && (
                  <RowsEditor<ContactRow>
                    title={t('customerFile.contacts')}
                    path="contacts"
                    rows={values.contacts}
                    errors={errors}
                    columns={[
                      { key: 'name', label: t('field.contactName') },
                      { key: 'role', label: t('field.contactRole') },
                      { key: 'phone', label: t('field.phone') },
                      { key: 'email', label: t('field.email') },
                    ]}
                    newRow={() => ({ name: '', role: '', phone: '', email: '' })}
                    onChange={(contacts) => onChange({ ...values, contacts })}
                  />
                )}
                {section.id === 'identity' && type === 'hcp' && (
                  <RowsEditor<KeyDateRow>
                    title={t('customerFile.keyDates')}
                    path="keyDates"
                    rows={values.keyDates}
                    errors={errors}
                    columns={[
                      { key: 'kind', label: t('field.keyDateKind'), options: KEY_DATE_KINDS.map((k) => ({ value: k, label: t(`keyDateKind.${k}`) })) },
                      { key: 'label', label: t('field.keyDateLabel'), width: 2 },
                      { key: 'date', label: t('field.keyDate') },
                    ]}
                    newRow={() => ({ kind: 'birthday', label: '', date: '' })}
                    onChange={(keyDates) => onChange({ ...values, keyDates })}
                  />
                )}
              </CardContent>
            </Card>
          );
        })}
      </Stack>
    </Box>
  );
}
