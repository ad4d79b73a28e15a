import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { Activity } from '../../../../../shared/schemas';
import { newId } from '../../../../../shared/util/ids';
import { localDay, nowIso } from '../../../../../shared/util/time';
import type { FieldErrors } from '../../../../../shared/validation/validateDocument';
import { useDatabase } from '../../../db/DatabaseContext';
import { useSessionStore } from '../../../app/sessionStore';
import { useToastStore } from '../../../app/toastStore';
import { useActiveProducts } from '../../visits/useVisits';
import { ActivityForm } from './ActivityForm';
import { activityToForm, emptyActivityForm, formToActivity, type ActivityFormValues } from './activityFormModel';
import { saveActivity } from './useActivities';

interface Props {
  /** The activity to edit; undefined: a new one. */
  existing: Activity | undefined;
  territories: readonly { id: string; label: string }[];
  onClose(): void;
}

/** Create or edit a marketing activity; saved on this computer at once, synced to the territory's team. */
export function ActivityDialog({ existing, territories, onClose }: Readonly<Props>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const show = useToastStore((s) => s.show);
  const products = useActiveProducts().data;
  const productIds = useMemo(() => new Map(products.map((p) => [p.name, p.id])), [products]);
  const [values, setValues] = useState<ActivityFormValues>(() => (existing ? activityToForm(existing) : emptyActivityForm(territories[0]?.id ?? user.territoryId, localDay())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [envelope] = useState(() => (existing
    ? { id: existing.id, ownerId: existing.ownerId, createdAt: existing.createdAt, createdBy: existing.createdBy }
    : { id: newId(), ownerId: user.id, createdAt: nowIso(), createdBy: user.id }));
  const title = existing ? t('team.activities.editTitle', { name: existing.name }) : t('team.activities.newTitle');

  const save = async () => {
    const { doc, errors: found } = formToActivity(values, envelope, existing, user.id, nowIso(), (name) => productIds.get(name));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await saveActivity(db, doc);
      show(t('team.activities.saved', { name: doc.name }));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="activity-dialog-title">
      <DialogTitle id="activity-dialog-title">{title}</DialogTitle>
      <DialogContent>
        <ActivityForm values={values} errors={errors} territories={territories} productOptions={products.map((p) => p.name)} onChange={setValues} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>{t('common.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
