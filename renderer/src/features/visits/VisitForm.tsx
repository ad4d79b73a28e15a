import type { FormEvent, ReactNode } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import SendOutlinedIcon from '@mui/icons-material/SendOutlined';
import { CONCESSION_KINDS, VISIT_KINDS, type VisitKind } from '../../../../shared/schemas';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';
import { RowsEditor } from '../customers/RowsEditor';
import type { ConcessionRow, SampleRow, VisitFormValues } from './visitFormModel';
import { ProductsField } from './ProductsField';

interface Props {
  title: string;
  values: VisitFormValues;
  errors: FieldErrors;
  productOptions: readonly string[];
  /** Marketing activities the contact can belong to (offered only when there are some). */
  activityOptions?: readonly { id: string; label: string }[];
  saving: boolean;
  /** An existing draft is being edited: marked as such, and it can be deleted. */
  isDraft: boolean;
  onChange(values: VisitFormValues): void;
  /** Keep it editable. Also what Enter does: an accidental keystroke never submits for good. */
  onSaveDraft(): void;
  /** Hand it in: from then on it is read-only. */
  onSubmitVisit(): void;
  /** Only offered for an existing draft; the caller asks for confirmation. */
  onDelete?(): void;
  onCancel(): void;
  /** Other things to capture during the contact (feedback, an adverse-event report), shown under the title. */
  extraActions?: ReactNode;
}

/** Log or edit one contact: built to be filled in two minutes, only kind and time required. */
export function VisitForm({
  title, values, errors, productOptions, activityOptions = [], saving, isDraft, onChange, onSaveDraft, onSubmitVisit, onDelete, onCancel, extraActions,
}: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof VisitFormValues>(key: K, value: VisitFormValues[K]) => onChange({ ...values, [key]: value });
  const err = (path: string) => ({ error: Boolean(errors[path]), helperText: fieldErrorText(t, errors[path]) ?? ' ' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSaveDraft();
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-label={title} sx={{ p: 3, maxWidth: 960 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2, gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{title}</Typography>
        {isDraft && <Chip size="small" color="warning" variant="outlined" label={t('visitStatus.draft')} />}
        <Box sx={{ flex: 1 }} />
        {onDelete && (
          <Button color="error" startIcon={<DeleteOutlineIcon />} onClick={onDelete} disabled={saving}>{t('visitFlow.deleteDraft')}</Button>
        )}
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="outlined" disabled={saving}>{t('visitFlow.saveDraft')}</Button>
        <Button variant="contained" startIcon={<SendOutlinedIcon />} onClick={onSubmitVisit} disabled={saving}>{t('visitFlow.submit')}</Button>
      </Stack>
      {Object.keys(errors).length > 0 && <Alert severity="error" sx={{ mb: 2 }}>{t('common.fixErrors')}</Alert>}
      {extraActions && <Box sx={{ mb: 2 }}>{extraActions}</Box>}
      <Card>
        <CardContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', columnGap: 2 }}>
            <TextField select id="visit-kind" label={t('visits.kind')} required value={values.kind} onChange={(e) => set('kind', e.target.value as VisitKind)} {...err('kind')}>
              {VISIT_KINDS.map((k) => (
                <MenuItem key={k} value={k}>{t(`visitKind.${k}`)}</MenuItem>
              ))}
            </TextField>
            <TextField id="visit-startAt" type="datetime-local" label={t('visits.when')} required value={values.startAt} onChange={(e) => set('startAt', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...err('startAt')} />
            <TextField id="visit-duration" label={t('visits.duration')} value={values.duration} onChange={(e) => set('duration', e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} {...err('durationMinutes')} />
            <TextField id="visit-location" label={t('visits.location')} value={values.location} onChange={(e) => set('location', e.target.value)} {...err('location')} />
            <TextField id="visit-cost" label={t('visits.cost')} value={values.cost} onChange={(e) => set('cost', e.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} {...err('cost.amount')} />
            <TextField id="visit-currency" label={t('field.currency')} value={values.currency} onChange={(e) => set('currency', e.target.value)} {...err('cost.currency')} />
            {(activityOptions.length > 0 || values.activityId) && (
              <TextField select id="visit-activity" label={t('team.visitActivity')} value={values.activityId} onChange={(e) => set('activityId', e.target.value)} {...err('activityId')}>
                <MenuItem value="">{t('team.noActivity')}</MenuItem>
                {activityOptions.map((a) => <MenuItem key={a.id} value={a.id}>{a.label}</MenuItem>)}
                {values.activityId && !activityOptions.some((a) => a.id === values.activityId) && <MenuItem value={values.activityId}>{values.activityId}</MenuItem>}
              </TextField>
            )}
          </Box>
          <TextField id="visit-summary" label={t('visits.summary')} multiline minRows={3} value={values.summary} onChange={(e) => set('summary', e.target.value)} {...err('summary')} />
          <ProductsField label={t('visits.productsPresented')} options={productOptions} value={values.products} onChange={(v) => set('products', v)} />
          <Box sx={{ mt: 2, display: 'grid', gap: 2 }}>
            <RowsEditor<SampleRow>
              title={t('visits.samples')}
              path="samples"
              rows={values.samples}
              errors={errors}
              columns={[
                { key: 'product', label: t('visits.sampleProduct'), width: 3 },
                { key: 'quantity', label: t('visits.sampleQuantity') },
              ]}
              addLabel={t('visits.addSample')}
              newRow={() => ({ product: '', quantity: '1' })}
              onChange={(samples) => set('samples', samples)}
            />
            <RowsEditor<ConcessionRow>
              title={t('visits.concessions')}
              path="concessions"
              rows={values.concessions}
              errors={errors}
              columns={[
                { key: 'kind', label: t('visits.concessionKind'), options: CONCESSION_KINDS.map((k) => ({ value: k, label: t(`concessionKind.${k}`) })) },
                { key: 'description', label: t('visits.concessionDescription'), width: 3 },
                { key: 'value', label: t('visits.concessionValue') },
              ]}
              addLabel={t('visits.addConcession')}
              newRow={() => ({ kind: 'price', description: '', value: '' })}
              onChange={(concessions) => set('concessions', concessions)}
            />
          </Box>
          <TextField id="visit-jointActions" label={t('visits.jointActions')} multiline minRows={1} value={values.jointActions} onChange={(e) => set('jointActions', e.target.value)} sx={{ mt: 2 }} {...err('jointActions')} />
          <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', columnGap: 2 }}>
            <TextField id="visit-nextStep" label={t('visits.nextStep')} value={values.nextStep} onChange={(e) => set('nextStep', e.target.value)} {...err('nextStep')} />
            <TextField id="visit-followUpDate" type="date" label={t('visits.followUpDate')} value={values.followUpDate} onChange={(e) => set('followUpDate', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} {...err('followUpDate')} />
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
