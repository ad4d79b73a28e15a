import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, CircularProgress } from '@mui/material';
import type { Customer, Visit } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { useDatabase } from '../../db/DatabaseContext';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useCustomer } from '../customers/useCustomers';
import { MissingCustomer } from '../customers/MissingCustomer';
import { useActiveProducts, useVisit } from './useVisits';
import { emptyVisitForm, formToVisit, isVisitEditable, visitToForm, type VisitFormValues, type VisitIntent } from './visitFormModel';
import { deleteDraftVisit, saveVisit, VisitLockedError } from './visitRepository';
import { VisitForm } from './VisitForm';
import { VisitReadOnly } from './VisitReadOnly';
import { DeleteDraftDialog } from './DeleteDraftDialog';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { QuickCapture } from '../feedback/QuickCapture';
import { VisitCoaching } from '../team/coaching/VisitCoaching';
import { useActivityOptions } from '../team/activities/useActivities';

/** Log a new contact (no visit id in the route) or edit one, from the customer file. */
export function VisitEditPage() {
  const { customerId, visitId } = useParams();
  const customer = useCustomer(customerId);
  const visit = useVisit(visitId);
  if (customer.loading || (visitId && visit.loading)) return <Box sx={{ p: 4 }}><CircularProgress size={24} /></Box>;
  if (!customer.data || (visitId && (!visit.data || visit.data.customerId !== customerId))) return <MissingCustomer />;
  // Submitted: append-only. This also takes over at once if it is submitted elsewhere meanwhile.
  if (visit.data && !isVisitEditable(visit.data)) {
    return (
      <>
        <VisitReadOnly
          customerName={customer.data.name}
          visit={visit.data}
          backTo={`/customers/${customer.data.id}`}
          actions={<QuickCapture customerId={customer.data.id} visitId={visit.data.id} size="small" />}
        />
        <VisitCoaching visit={visit.data} />
      </>
    );
  }
  return <VisitEditor key={visit.data?.id ?? 'new'} customer={customer.data} existing={visit.data ?? undefined} />;
}

function VisitEditor({ customer, existing }: Readonly<{ customer: Customer; existing: Visit | undefined }>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const navigate = useNavigate();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const products = useActiveProducts().data;
  const productIds = useMemo(() => new Map(products.map((p) => [p.name, p.id])), [products]);
  const activities = useActivityOptions(existing?.territoryId ?? customer.territoryId, existing?.activityId);
  const [initial] = useState<VisitFormValues>(() => (existing ? visitToForm(existing) : emptyVisitForm()));
  const [values, setValues] = useState(initial);
  const guard = useLeaveGuard(values !== initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [envelope] = useState(() =>
    existing
      ? { id: existing.id, customerId: existing.customerId, territoryId: existing.territoryId, repId: existing.repId, createdAt: existing.createdAt, createdBy: existing.createdBy }
      : { id: newId(), customerId: customer.id, territoryId: customer.territoryId, repId: user.id, createdAt: nowIso(), createdBy: user.id },
  );
  const back = `/customers/${customer.id}`;

  const [confirmDelete, setConfirmDelete] = useState(false);

  /** Runs a write; a visit submitted meanwhile (another device) is reported, not overwritten. */
  const write = async (action: () => Promise<void>, done: string) => {
    setSaving(true);
    try {
      await action();
      guard.allowLeave();
      showToast(done);
      navigate(back, { replace: true });
    } catch (e) {
      if (!(e instanceof VisitLockedError)) throw e;
      showToast(t('visitFlow.locked'));
    } finally {
      setSaving(false);
    }
  };

  const save = async (intent: VisitIntent) => {
    const { doc, errors: found } = formToVisit(values, envelope, existing, user.id, nowIso(), (name) => productIds.get(name), intent);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await write(() => saveVisit(db, doc), intent === 'submit' ? t('visitFlow.submitted') : t('visitFlow.draftSaved'));
  };

  const remove = async () => {
    setConfirmDelete(false);
    if (existing) await write(() => deleteDraftVisit(db, existing.id), t('visitFlow.deleted'));
  };

  return (
    <>
      {guard.dialog}
      <DeleteDraftDialog open={confirmDelete} busy={saving} onCancel={() => setConfirmDelete(false)} onConfirm={() => void remove()} />
      <VisitForm
        title={existing ? t('visits.editTitle', { name: customer.name }) : t('visits.newTitle', { name: customer.name })}
        values={values}
        errors={errors}
        productOptions={products.map((p) => p.name)}
        activityOptions={activities.map((a) => ({ id: a.id, label: `${a.name} (${a.startDate})` }))}
        saving={saving}
        isDraft={existing !== undefined}
        onChange={setValues}
        onSaveDraft={() => void save('draft')}
        onSubmitVisit={() => void save('submit')}
        {...(existing ? { onDelete: () => setConfirmDelete(true) } : {})}
        onCancel={() => navigate(back)}
        // Linked to this contact by id even before it is saved: feedback is never held back by the visit form.
        extraActions={<QuickCapture customerId={customer.id} visitId={envelope.id} size="small" />}
      />
    </>
  );
}
