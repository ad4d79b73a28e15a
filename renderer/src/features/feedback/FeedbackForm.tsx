import type { ReactNode } from 'react';
import {
  Alert, Autocomplete, Box, FormControl, FormHelperText, FormLabel, MenuItem, Rating, Stack, TextField, ToggleButton,
  ToggleButtonGroup, Typography,
} from '@mui/material';
import ReportProblemOutlinedIcon from '@mui/icons-material/ReportProblemOutlined';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../../../../shared/schemas';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';
import { loose } from '../../i18n';
import type { FeedbackFormValues, FeedbackKind, FeedbackStatus } from './feedbackFormModel';

export interface Choice {
  id: string;
  label: string;
}

interface Props {
  values: FeedbackFormValues;
  errors: FieldErrors;
  /** The customer, fixed (opened from their file or a contact) or a picker. */
  customer: ReactNode;
  productOptions: readonly string[];
  assignees: readonly Choice[];
  /** The customer's contacts, to say which one it came up in. */
  visits: readonly Choice[];
  onChange(values: FeedbackFormValues): void;
}

/**
 * Capture what a customer said, built for under a minute: a kind, their words, optionally a
 * product, your reading and who takes care of it. Choosing "adverse event" leaves this form for
 * the adverse-event report (the caller does that).
 */
export function FeedbackForm({ values, errors, customer, productOptions, assignees, visits, onChange }: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof FeedbackFormValues>(key: K, value: FeedbackFormValues[K]) => onChange({ ...values, [key]: value });
  const err = (path: string) => ({ error: Boolean(errors[path]), helperText: fieldErrorText(t, errors[path]) ?? ' ' });
  const isRating = values.kind === 'rating';

  return (
    // useFlexGap: a gap, not child margins, so the margins below (room for helper texts) apply.
    <Stack spacing={0.5} useFlexGap>
      {Object.keys(errors).length > 0 && <Alert severity="error" sx={{ mb: 1.5 }}>{t('common.fixErrors')}</Alert>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '3fr 2fr' }, columnGap: 2 }}>
        {customer}
        <TextField select id="feedback-visit" label={t('feedback.visit')} value={values.visitId} onChange={(e) => set('visitId', e.target.value)} helperText=" " slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">{t('feedback.noVisit')}</MenuItem>
          {visits.map((v) => <MenuItem key={v.id} value={v.id}>{v.label}</MenuItem>)}
        </TextField>
      </Box>
      <FormControl error={Boolean(errors.kind)} required component="fieldset" sx={{ mb: 2 }}>
        <FormLabel component="legend" id="feedback-kind-label" sx={{ mb: 0.75, fontSize: 14 }}>{t('feedback.kindLabel')}</FormLabel>
        <ToggleButtonGroup
          exclusive
          size="small"
          color="primary"
          value={values.kind}
          onChange={(_, v: FeedbackKind | null) => v && set('kind', v)}
          aria-labelledby="feedback-kind-label"
          sx={{ flexWrap: 'wrap' }}
        >
          {FEEDBACK_KINDS.map((k) => (
            <ToggleButton
              key={k}
              value={k}
              color={k === 'adverse_event' ? 'error' : 'primary'}
              sx={{ textTransform: 'none', px: 1.5, ...(k === 'adverse_event' ? { color: 'error.main' } : {}) }}
            >
              {k === 'adverse_event' && <ReportProblemOutlinedIcon fontSize="small" sx={{ mr: 0.5 }} />}
              {t(`feedback.kind.${k}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <FormHelperText>{errors.kind ? fieldErrorText(t, errors.kind) : t('feedback.kindHelp')}</FormHelperText>
      </FormControl>
      {isRating && (
        <FormControl error={Boolean(errors.rating)} required component="fieldset" sx={{ mb: 1.5 }}>
          <FormLabel component="legend" sx={{ fontSize: 14 }}>{t('feedback.rating')}</FormLabel>
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
            <Rating
              name="feedback-rating"
              size="large"
              value={values.rating}
              onChange={(_, v) => set('rating', v)}
              getLabelText={(v) => t('feedback.stars', { count: v })}
            />
            {values.rating !== null && <Typography color="text.secondary">{loose(t)(`feedback.ratingMeaning.${values.rating}`)}</Typography>}
          </Stack>
          <FormHelperText>{fieldErrorText(t, errors.rating) ?? ' '}</FormHelperText>
        </FormControl>
      )}
      <Autocomplete
        freeSolo
        id="feedback-product"
        // Room for the helper text above the next field's floating label.
        sx={{ mb: 2 }}
        options={[...productOptions]}
        inputValue={values.product}
        onInputChange={(_, v) => set('product', v)}
        renderInput={(params) => (
          <TextField
            {...params}
            label={t('feedback.product')}
            required={values.kind === 'product_comment'}
            error={Boolean(errors['product.name'])}
            helperText={fieldErrorText(t, errors['product.name']) ?? t('feedback.productHelp')}
          />
        )}
      />
      <TextField
        id="feedback-words"
        label={t('feedback.customerWords')}
        placeholder={t('feedback.customerWordsPlaceholder')}
        required={!isRating}
        multiline
        minRows={3}
        value={values.customerWords}
        onChange={(e) => set('customerWords', e.target.value)}
        {...err('customerWords')}
      />
      <TextField
        id="feedback-reading"
        label={t('feedback.repReading')}
        placeholder={t('feedback.repReadingPlaceholder')}
        multiline
        minRows={2}
        value={values.repReading}
        onChange={(e) => set('repReading', e.target.value)}
        {...err('repReading')}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, columnGap: 2 }}>
        <TextField select id="feedback-status" label={t('feedback.statusLabel')} value={values.status} onChange={(e) => set('status', e.target.value as FeedbackStatus)} {...err('status')}>
          {FEEDBACK_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`feedback.status.${s}`)}</MenuItem>)}
        </TextField>
        <TextField select id="feedback-assignee" label={t('feedback.assignee')} value={values.assigneeId} onChange={(e) => set('assigneeId', e.target.value)} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} {...err('assigneeId')}>
          <MenuItem value="">{t('feedback.noAssignee')}</MenuItem>
          {assignees.map((a) => <MenuItem key={a.id} value={a.id}>{a.label}</MenuItem>)}
        </TextField>
      </Box>
      {values.status === 'resolved' && (
        <TextField
          id="feedback-resolution"
          label={t('feedback.resolution')}
          required
          multiline
          minRows={2}
          value={values.resolution}
          onChange={(e) => set('resolution', e.target.value)}
          {...err('resolution')}
        />
      )}
    </Stack>
  );
}
