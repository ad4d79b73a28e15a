import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Autocomplete, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, ToggleButton, ToggleButtonGroup,
} from '@mui/material';
import type { Customer, Reminder } from '../../../../shared/schemas';
import type { FieldErrors } from '../../../../shared/validation/validateDocument';
import { newId } from '../../../../shared/util/ids';
import { nowIso } from '../../../../shared/util/time';
import { fieldErrorText } from '../../components/fieldError';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useDatabase } from '../../db/DatabaseContext';
import { useAllCustomers } from '../customers/useCustomers';
import { useActiveProducts } from '../visits/useVisits';
import { emptyReminderForm, formToReminder, reminderToForm, type ReminderFormKind, type ReminderFormValues } from './reminderFormModel';
import { deleteReminder, saveReminder } from './reminderRepository';

interface Props {
  today: string;
  /** Edit this reminder; absent: a new one. */
  existing?: Reminder;
  /** A new reminder for this customer. */
  customerId?: string;
  onClose(): void;
}

/** Create or edit a reminder the rep writes: a one-off (title, day, optional time and customer) or a replenishment. */
export function ReminderDialog({ today, existing, customerId, onClose }: Readonly<Props>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const customers = useAllCustomers().data;
  const products = useActiveProducts().data;
  const sortedCustomers = useMemo(() => [...customers].sort((a, b) => a.name.localeCompare(b.name)), [customers]);
  const byId = useMemo(() => new Map(customers.map((c) => [c.id, c])), [customers]);
  const [values, setValues] = useState<ReminderFormValues>(() => (existing ? reminderToForm(existing) : emptyReminderForm(today, customerId ?? null)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [envelope] = useState(() => ({ id: existing?.id ?? newId(), ownerId: user.id, homeTerritoryId: user.territoryId, createdAt: nowIso(), createdBy: user.id }));
  const set = <K extends keyof ReminderFormValues>(key: K, value: ReminderFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const err = (path: string) => {
    const text = fieldErrorText(t, errors[path]);
    return text ? { error: true, helperText: text } : {};
  };
  const replenish = values.kind === 'replenishment';

  const switchKind = (kind: ReminderFormKind | null) => {
    if (!kind || kind === values.kind) return;
    const fresh = emptyReminderForm(today, values.customerId, kind);
    setValues((v) => ({ ...v, kind, dueDate: fresh.dueDate }));
  };

  const save = async () => {
    const customer = values.customerId ? byId.get(values.customerId) : undefined;
    const productIds = new Map(products.map((p) => [p.name, p.id]));
    const { doc, errors: found } = formToReminder(values, envelope, existing, customer, nowIso(), (name) => productIds.get(name));
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await saveReminder(db, doc);
    showToast(t('reminders.saved'));
    onClose();
  };

  const remove = async () => {
    if (!existing) return;
    await deleteReminder(db, existing.id);
    showToast(t('reminders.deleted'));
    onClose();
  };

  const selectedCustomer = values.customerId ? (byId.get(values.customerId) ?? null) : null;

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="reminder-dialog-title">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <DialogTitle id="reminder-dialog-title">{existing ? t('reminders.dialog.editTitle') : t('reminders.dialog.newTitle')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ToggleButtonGroup
              exclusive
              size="small"
              color="primary"
              value={values.kind}
              onChange={(_, kind: ReminderFormKind | null) => switchKind(kind)}
              aria-label={t('reminders.dialog.kind')}
              disabled={existing !== undefined}
            >
              <ToggleButton value="custom">{t('reminders.dialog.kindCustom')}</ToggleButton>
              <ToggleButton value="replenishment">{t('reminders.dialog.kindReplenishment')}</ToggleButton>
            </ToggleButtonGroup>
            <TextField
              autoFocus
              label={t('reminders.dialog.title')}
              required={!replenish}
              value={values.title}
              onChange={(e) => set('title', e.target.value)}
              {...(replenish && !errors.title ? { helperText: t('reminders.dialog.titleReplenishHelp') } : {})}
              {...err('title')}
            />
            <Autocomplete
              options={sortedCustomers}
              value={selectedCustomer}
              onChange={(_, c: Customer | null) => set('customerId', c?.id ?? null)}
              getOptionLabel={(c) => `${c.name} · ${c.code}`}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              noOptionsText={t('reminders.dialog.noCustomers')}
              renderInput={(params) => (
                <TextField {...params} label={replenish ? t('reminders.dialog.customerRequired') : t('reminders.dialog.customer')} required={replenish} {...err('customerId')} />
              )}
            />
            {replenish && (
              <Box sx={{ display: 'grid', gridTemplateColumns: '2fr 1fr', gap: 2 }}>
                <Autocomplete
                  freeSolo
                  options={products.map((p) => p.name)}
                  inputValue={values.product}
                  onInputChange={(_, v) => set('product', v)}
                  renderInput={(params) => <TextField {...params} label={t('reminders.dialog.product')} required {...err('product')} />}
                />
                <TextField
                  label={t('reminders.dialog.interval')}
                  required
                  value={values.intervalDays}
                  onChange={(e) => set('intervalDays', e.target.value)}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  {...err('intervalDays')}
                />
              </Box>
            )}
            <Box sx={{ display: 'grid', gridTemplateColumns: replenish ? '1fr' : '1fr 1fr', gap: 2 }}>
              <TextField
                type="date"
                label={replenish ? t('reminders.dialog.firstDue') : t('reminders.dialog.date')}
                required
                value={values.dueDate}
                onChange={(e) => set('dueDate', e.target.value)}
                slotProps={{ inputLabel: { shrink: true } }}
                {...(replenish && !errors.dueDate ? { helperText: t('reminders.dialog.intervalHelp') } : {})}
                {...err('dueDate')}
              />
              {!replenish && (
                <TextField
                  type="time"
                  label={t('reminders.dialog.time')}
                  value={values.dueTime}
                  onChange={(e) => set('dueTime', e.target.value)}
                  slotProps={{ inputLabel: { shrink: true } }}
                  {...err('dueTime')}
                />
              )}
            </Box>
            <TextField label={t('reminders.dialog.notes')} multiline minRows={2} value={values.notes} onChange={(e) => set('notes', e.target.value)} {...err('notes')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          {existing && <Button color="error" onClick={() => void remove()} sx={{ mr: 'auto' }}>{t('reminders.dialog.delete')}</Button>}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained">{t('common.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
