import type { ReactNode } from 'react';
import {
  Alert, Autocomplete, Box, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Radio, RadioGroup,
  TextField, ToggleButton, ToggleButtonGroup, Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { PATIENT_SEXES, SERIOUSNESS, SERIOUSNESS_CRITERIA } from '../../../../shared/schemas';
import { localDay } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { fieldErrorText } from '../../components/fieldError';
import type { AdverseEventFormValues, PatientSex, Seriousness, SeriousnessCriterion } from './adverseEventFormModel';

interface Props {
  values: AdverseEventFormValues;
  errors: FieldErrors;
  /** The customer it came through: fixed, or a picker (optional). */
  customer: ReactNode;
  productOptions: readonly string[];
  onChange(values: AdverseEventFormValues): void;
}

function Section({ title, children }: Readonly<{ title: string; children: ReactNode }>) {
  return (
    <Box component="section" aria-label={title} sx={{ mb: 1.5 }}>
      <Typography variant="subtitle2" color="primary" sx={{ mb: 1 }}>{title}</Typography>
      {children}
    </Box>
  );
}

/**
 * The adverse-event report: the four minimum items (patient, reporter, our product, the event)
 * marked required, then onset and seriousness. Incomplete is better than late: everything else
 * is optional.
 */
export function AdverseEventForm({ values, errors, customer, productOptions, onChange }: Readonly<Props>) {
  const { t } = useTranslation();
  const set = <K extends keyof AdverseEventFormValues>(key: K, value: AdverseEventFormValues[K]) => onChange({ ...values, [key]: value });
  const err = (path: string, help = ' ') => ({ error: Boolean(errors[path]), helperText: fieldErrorText(t, errors[path]) ?? help });
  const toggleCriterion = (c: SeriousnessCriterion, on: boolean) =>
    set('criteria', on ? [...values.criteria, c] : values.criteria.filter((x) => x !== c));

  return (
    <Box>
      <Alert severity="info" sx={{ mb: 2 }}>{t('adverseEvents.formIntro')}</Alert>
      {Object.keys(errors).length > 0 && <Alert severity="error" sx={{ mb: 2 }}>{t('adverseEvents.fixErrors')}</Alert>}
      {customer}
      <Section title={t('adverseEvents.patient')}>
        {/* Aligned at the bottom: the sex buttons line up with the text boxes, their legend sits where a floating label would. */}
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 2fr' }, columnGap: 2, alignItems: 'end' }}>
          <TextField id="ae-initials" label={t('adverseEvents.initials')} required value={values.initials} onChange={(e) => set('initials', e.target.value)} {...err('patient.initials', t('adverseEvents.initialsHelp'))} />
          <TextField id="ae-age" label={t('adverseEvents.age')} value={values.age} onChange={(e) => set('age', e.target.value)} slotProps={{ htmlInput: { inputMode: 'numeric' } }} {...err('patient.ageYears')} />
          <FormControl required error={Boolean(errors['patient.sex'])} component="fieldset">
            <FormLabel component="legend" id="ae-sex-label" sx={{ fontSize: 12, mb: 0.25 }}>{t('adverseEvents.sex')}</FormLabel>
            <ToggleButtonGroup exclusive size="small" color="primary" value={values.sex} onChange={(_, v: PatientSex | null) => v && set('sex', v)} aria-labelledby="ae-sex-label">
              {PATIENT_SEXES.map((s) => <ToggleButton key={s} value={s} sx={{ textTransform: 'none', px: 1.5, height: 40 }}>{t(`adverseEvents.sexValue.${s}`)}</ToggleButton>)}
            </ToggleButtonGroup>
            <FormHelperText>{fieldErrorText(t, errors['patient.sex']) ?? ' '}</FormHelperText>
          </FormControl>
        </Box>
      </Section>
      <Section title={t('adverseEvents.reporter')}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr 1fr' }, columnGap: 2 }}>
          <TextField id="ae-reporter" label={t('adverseEvents.reporterName')} required value={values.reporterName} onChange={(e) => set('reporterName', e.target.value)} {...err('reporter.name')} />
          <TextField id="ae-reporter-role" label={t('adverseEvents.reporterRole')} value={values.reporterRole} onChange={(e) => set('reporterRole', e.target.value)} {...err('reporter.role')} />
          <TextField id="ae-reporter-contact" label={t('adverseEvents.reporterContact')} value={values.reporterContact} onChange={(e) => set('reporterContact', e.target.value)} {...err('reporter.contact')} />
        </Box>
      </Section>
      <Section title={t('adverseEvents.productAndEvent')}>
        <Autocomplete
          freeSolo
          id="ae-product"
          // Room for the helper text above the next field's floating label.
          sx={{ mb: 2 }}
          options={[...productOptions]}
          inputValue={values.product}
          onInputChange={(_, v) => set('product', v)}
          renderInput={(params) => <TextField {...params} label={t('adverseEvents.product')} required {...err('product.name', t('adverseEvents.productHelp'))} />}
        />
        <TextField id="ae-event" label={t('adverseEvents.event')} placeholder={t('adverseEvents.eventPlaceholder')} required multiline minRows={3} value={values.event} onChange={(e) => set('event', e.target.value)} {...err('event')} />
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr' }, columnGap: 2, alignItems: 'start' }}>
          <TextField
            id="ae-onset"
            type="date"
            label={t('adverseEvents.onsetDate')}
            value={values.onsetDate}
            onChange={(e) => set('onsetDate', e.target.value)}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: localDay() } }}
            {...err('onsetDate')}
          />
          <TextField id="ae-outcome" label={t('adverseEvents.outcome')} value={values.outcome} onChange={(e) => set('outcome', e.target.value)} {...err('outcome')} />
        </Box>
      </Section>
      <Section title={t('adverseEvents.seriousness')}>
        <FormControl required error={Boolean(errors.seriousness)} component="fieldset">
          <FormLabel component="legend" id="ae-seriousness-label" sx={{ fontSize: 12 }}>{t('adverseEvents.seriousnessQuestion')}</FormLabel>
          <RadioGroup row aria-labelledby="ae-seriousness-label" value={values.seriousness} onChange={(e) => set('seriousness', e.target.value as Seriousness)}>
            {SERIOUSNESS.map((s) => <FormControlLabel key={s} value={s} control={<Radio size="small" />} label={t(`adverseEvents.seriousnessValue.${s}`)} />)}
          </RadioGroup>
          <FormHelperText>{fieldErrorText(t, errors.seriousness) ?? ' '}</FormHelperText>
        </FormControl>
        {values.seriousness === 'serious' && (
          <FormControl component="fieldset" sx={{ display: 'block' }}>
            <FormLabel component="legend" sx={{ fontSize: 12 }}>{t('adverseEvents.criteria')}</FormLabel>
            <FormGroup row>
              {SERIOUSNESS_CRITERIA.map((c) => (
                <FormControlLabel
                  key={c}
                  control={<Checkbox size="small" checked={values.criteria.includes(c)} onChange={(e) => toggleCriterion(c, e.target.checked)} />}
                  label={t(`adverseEvents.criterion.${c}`)}
                />
              ))}
            </FormGroup>
          </FormControl>
        )}
      </Section>
    </Box>
  );
}
