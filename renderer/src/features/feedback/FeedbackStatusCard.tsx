import { useTranslation } from 'react-i18next';
import { Button, Card, CardContent, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { FEEDBACK_STATUSES } from '../../../../shared/schemas';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';
import type { FeedbackStatus, FeedbackStatusValues } from './feedbackFormModel';
import type { Choice } from './FeedbackForm';

interface Props {
  values: FeedbackStatusValues;
  errors: FieldErrors;
  assignees: readonly Choice[];
  changed: boolean;
  saving: boolean;
  onChange(values: FeedbackStatusValues): void;
  onSave(): void;
}

/** What the company did about it: the part of captured feedback that stays editable. */
export function FeedbackStatusCard({ values, errors, assignees, changed, saving, onChange, onSave }: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof FeedbackStatusValues>(key: K, v: FeedbackStatusValues[K]) => onChange({ ...values, [key]: v });
  const err = (path: string) => ({ error: Boolean(errors[path]), helperText: fieldErrorText(t, errors[path]) ?? ' ' });
  return (
    <Card component="section" aria-labelledby="feedback-status-title">
      <CardContent>
        <Typography id="feedback-status-title" variant="h2" sx={{ mb: 1.5 }}>{t('feedback.handling')}</Typography>
        <Stack spacing={0.5} component="form" noValidate onSubmit={(e) => { e.preventDefault(); onSave(); }}>
          <TextField select id="status-status" label={t('feedback.statusLabel')} value={values.status} onChange={(e) => set('status', e.target.value as FeedbackStatus)} {...err('status')}>
            {FEEDBACK_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`feedback.status.${s}`)}</MenuItem>)}
          </TextField>
          <TextField select id="status-assignee" label={t('feedback.assignee')} value={values.assigneeId} onChange={(e) => set('assigneeId', e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} {...err('assigneeId')}>
            <MenuItem value="">{t('feedback.noAssignee')}</MenuItem>
            {assignees.map((a) => <MenuItem key={a.id} value={a.id}>{a.label}</MenuItem>)}
          </TextField>
          <TextField
            id="status-resolution"
            label={t('feedback.resolution')}
            required={values.status === 'resolved'}
            multiline
            minRows={3}
            value={values.resolution}
            onChange={(e) => set('resolution', e.target.value)}
            {...err('resolution')}
          />
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <Button type="submit" variant="contained" disabled={!changed || saving}>{t('feedback.saveStatus')}</Button>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
