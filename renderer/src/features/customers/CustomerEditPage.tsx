import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, CircularProgress } from '@mui/material';
import type { Customer } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { useDatabase } from '../../db/DatabaseContext';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useCustomer } from './useCustomers';
import { customerToForm, emptyCustomerForm, formToCustomer, type CustomerFormValues } from './customerFormModel';
import { isCodeTaken, saveCustomer } from './customerRepository';
import { CustomerForm } from './CustomerForm';
import { MissingCustomer } from './MissingCustomer';
import { useLeaveGuard } from '../../components/useLeaveGuard';

/** New customer (no id in the route) or edit an existing one. */
export function CustomerEditPage() {
  const { customerId } = useParams();
  const { data: existing, loading } = useCustomer(customerId);
  if (customerId && loading) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (customerId && !existing) return <MissingCustomer />;
  return <CustomerEditor key={existing?.id ?? 'new'} existing={existing ?? undefined} />;
}

function CustomerEditor({ existing }: Readonly<{ existing: Customer | undefined }>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const navigate = useNavigate();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const [initial] = useState<CustomerFormValues>(() => (existing ? customerToForm(existing) : emptyCustomerForm()));
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(values !== initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [envelope] = useState(() =>
    existing
      ? { id: existing.id, territoryId: existing.territoryId, ownerId: existing.ownerId, createdAt: existing.createdAt, createdBy: existing.createdBy }
      : { id: newId(), territoryId: user.territoryId, ownerId: user.id, createdAt: nowIso(), createdBy: user.id },
  );

  const onSubmit = async () => {
    const { doc, errors: found } = formToCustomer(values, envelope, existing, user.id, nowIso());
    if (!found.code && doc.code && (await isCodeTaken(db, doc.code, doc.id))) found.code = { code: 'codeTaken' };
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0] as string;
      document.getElementById(`field-${first.replace(/\./g, '-')}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await saveCustomer(db, doc);
      guard.allowLeave();
      showToast(existing ? t('customers.updated') : t('customers.created', { name: doc.name }));
      navigate(`/customers/${doc.id}`, { replace: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {guard.dialog}
      <CustomerForm
        title={existing ? t('customers.editTitle', { name: existing.name }) : t('customers.newTitle')}
        values={values}
        errors={errors}
        saving={saving}
        onChange={setValues}
        onSubmit={() => void onSubmit()}
        onCancel={() => navigate(existing ? `/customers/${existing.id}` : '/customers')}
      />
    </>
  );
}
