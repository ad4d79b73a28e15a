import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@mui/material';
import type { Customer } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useDatabase } from '../../db/DatabaseContext';
import { useCustomer } from '../customers/useCustomers';
import { CaptureDialog } from '../feedback/CaptureDialog';
import { CustomerPicker } from '../feedback/CustomerPicker';
import { useCaptureChoices } from '../feedback/useCaptureChoices';
import { AdverseEventForm } from './AdverseEventForm';
import {
  emptyAdverseEventForm, formToAdverseEvent, isAdverseEventFormDirty, type AdverseEventFormValues, type AdverseEventPrefill,
} from './adverseEventFormModel';
import { reportAdverseEvent } from './adverseEventRepository';

interface Props {
  prefill: AdverseEventPrefill;
  visitId?: string;
  /** The customer came with the context (customer file, contact): shown, not changeable. */
  fixedCustomer: boolean;
  onClose(): void;
}

/** A doctor is usually the reporter: their name and title fill in when the report comes through them. */
function reporterFrom(customer: Customer | null): Pick<AdverseEventPrefill, 'reporterName' | 'reporterRole'> {
  if (!customer || customer.type !== 'hcp') return {};
  return { reporterName: customer.name, ...(customer.title ? { reporterRole: customer.title } : {}) };
}

/**
 * Report an adverse event from anywhere (the app bar, a customer file, a contact, the feedback
 * form), in a dialog so whatever was being done stays open. Saved locally at once; sync sends it
 * before anything else (mounted only while open).
 */
export function AdverseEventDialog({ prefill, visitId, fixedCustomer, onClose }: Readonly<Props>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const prefilledCustomer = useCustomer(prefill.customerId).data;
  const [initial, setInitial] = useState<AdverseEventFormValues>(() => emptyAdverseEventForm(prefill));
  const [values, setValues] = useState(initial);
  const [filledFor, setFilledFor] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [errorTick, setErrorTick] = useState(0);
  const [saving, setSaving] = useState(false);
  const customer = useCustomer(values.customerId || undefined).data;
  const choices = useCaptureChoices(values.customerId);

  // Once the context's customer has loaded, fill the reporter in (the starting point, not a change).
  if (prefilledCustomer && filledFor !== prefilledCustomer.id && !prefill.reporterName) {
    setFilledFor(prefilledCustomer.id);
    const filled = { ...initial, ...reporterFrom(prefilledCustomer) };
    setInitial(filled);
    setValues((v) => ({ ...v, reporterName: v.reporterName || (filled.reporterName ?? ''), reporterRole: v.reporterRole || (filled.reporterRole ?? '') }));
  }

  const pickCustomer = (customerId: string, picked: Customer | null) => {
    const from = reporterFrom(picked);
    setValues((v) => ({ ...v, customerId, reporterName: v.reporterName || (from.reporterName ?? ''), reporterRole: v.reporterRole || (from.reporterRole ?? '') }));
  };

  const check = (v: AdverseEventFormValues) =>
    formToAdverseEvent(v, { id: newId(), territoryId: customer?.territoryId ?? user.territoryId, repId: user.id, ...(visitId ? { visitId } : {}) }, nowIso(), choices.productId);

  /** After a refused save, the messages follow what is typed (a fixed field loses its error at once). */
  const change = (next: AdverseEventFormValues) => {
    setValues(next);
    if (errorTick > 0) setErrors(check(next).errors);
  };

  const save = async () => {
    const { doc, errors: found } = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setErrorTick((n) => n + 1);
      return;
    }
    setSaving(true);
    try {
      await reportAdverseEvent(db, doc, newId());
      showToast(t('adverseEvents.saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  const customerField = fixedCustomer ? (
    <TextField label={t('adverseEvents.customer')} value={customer?.name ?? ''} slotProps={{ input: { readOnly: true } }} helperText=" " />
  ) : (
    <CustomerPicker id="ae-customer" value={values.customerId} onChange={pickCustomer} helperText={t('adverseEvents.customerHelp')} />
  );

  return (
    <CaptureDialog
      open
      title={t('adverseEvents.reportTitle')}
      tone="error"
      dirty={isAdverseEventFormDirty(values, initial)}
      saving={saving}
      saveLabel={t('adverseEvents.save')}
      errorTick={errorTick}
      onSave={() => void save()}
      onClose={onClose}
      testId="adverse-event-dialog"
    >
      <AdverseEventForm values={values} errors={errors} customer={customerField} productOptions={choices.productOptions} onChange={change} />
    </CaptureDialog>
  );
}
