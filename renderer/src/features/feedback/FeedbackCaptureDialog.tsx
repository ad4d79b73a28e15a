import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@mui/material';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { fieldErrorText } from '../../components/fieldError';
import { useDatabase } from '../../db/DatabaseContext';
import { useCustomer } from '../customers/useCustomers';
import type { AdverseEventPrefill } from '../adverseEvents/adverseEventFormModel';
import { CaptureDialog } from './CaptureDialog';
import { CustomerPicker } from './CustomerPicker';
import { FeedbackForm } from './FeedbackForm';
import { emptyFeedbackForm, formToFeedback, isFeedbackFormDirty, type FeedbackFormValues } from './feedbackFormModel';
import { captureFeedback } from './feedbackRepository';
import { useCaptureChoices } from './useCaptureChoices';

export interface CaptureContext {
  /** Opened from a customer file or a contact: the customer is fixed. */
  customerId?: string;
  visitId?: string;
}

interface Props extends CaptureContext {
  onClose(): void;
  /** "Adverse event" was chosen: the caller opens the report with what was typed so far. */
  onAdverseEvent(prefill: AdverseEventPrefill & { visitId?: string }): void;
}

/** Capture feedback in a dialog, from wherever the rep is (mounted only while open: each opening starts fresh). */
export function FeedbackCaptureDialog({ customerId, visitId, onClose, onAdverseEvent }: Readonly<Props>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const [initial] = useState<FeedbackFormValues>(() => emptyFeedbackForm({ customerId, visitId }));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [errorTick, setErrorTick] = useState(0);
  const [saving, setSaving] = useState(false);
  const customer = useCustomer(values.customerId || undefined).data;
  const choices = useCaptureChoices(values.customerId);

  const change = (next: FeedbackFormValues) => {
    if (next.kind === 'adverse_event') {
      onAdverseEvent({
        ...(next.customerId ? { customerId: next.customerId } : {}),
        ...(next.visitId ? { visitId: next.visitId } : {}),
        product: next.product,
        event: next.customerWords,
      });
      return;
    }
    // Another customer has other contacts.
    const updated = next.customerId !== values.customerId ? { ...next, visitId: '' } : next;
    setValues(updated);
    // After a refused save, the messages follow what is typed (a fixed field loses its error at once).
    if (errorTick > 0) setErrors(check(updated).errors);
  };

  const check = (v: FeedbackFormValues) =>
    formToFeedback(v, { id: newId(), territoryId: customer?.territoryId ?? user.territoryId, repId: user.id }, nowIso(), choices.productId);

  const save = async () => {
    const { doc, errors: found } = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setErrorTick((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await captureFeedback(db, doc);
      showToast(t('feedback.saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  // Opened from a contact that is not saved yet (the contact form): it is still the one it belongs to.
  const visitChoices = values.visitId && !choices.visits.some((v) => v.id === values.visitId)
    ? [{ id: values.visitId, label: t('feedback.thisVisit') }, ...choices.visits]
    : choices.visits;

  const customerField = customerId ? (
    <TextField label={t('feedback.customer')} value={customer?.name ?? ''} slotProps={{ input: { readOnly: true } }} helperText=" " />
  ) : (
    <CustomerPicker
      id="feedback-customer"
      value={values.customerId}
      onChange={(id) => change({ ...values, customerId: id })}
      required
      error={Boolean(errors.customerId)}
      {...(errors.customerId ? { helperText: fieldErrorText(t, errors.customerId) } : {})}
    />
  );

  return (
    <CaptureDialog
      open
      title={customer ? t('feedback.captureTitleFor', { name: customer.name }) : t('feedback.captureTitle')}
      dirty={isFeedbackFormDirty(values, initial)}
      saving={saving}
      saveLabel={t('feedback.save')}
      errorTick={errorTick}
      onSave={() => void save()}
      onClose={onClose}
      testId="feedback-dialog"
    >
      <FeedbackForm
        values={values}
        errors={errors}
        customer={customerField}
        productOptions={choices.productOptions}
        assignees={choices.assignees}
        visits={visitChoices}
        onChange={change}
      />
    </CaptureDialog>
  );
}
