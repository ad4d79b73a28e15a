import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, MenuItem, Stack,
  TextField, Typography,
} from '@mui/material';
import { QUESTION_TYPES } from '../../../../shared/schemas';
import { newId } from '../../../../shared/util/ids';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useDatabase } from '../../db/DatabaseContext';
import { useProducts } from '../knowledge/useKnowledge';
import { CustomerSelect } from './CustomerSelect';
import { buildQuestion, emptyAskValues, validateAsk, type AskValues } from './questionModel';
import { askQuestion } from './questionRepository';

interface Props {
  open: boolean;
  /** What the form starts with: the search text, the customer or product it came from. */
  prefill: Partial<AskValues>;
  onClose(): void;
}

/** Asks the problem research centre in one step; saved locally at once, sent with the next sync. */
export function AskExpertDialog({ open, prefill, onClose }: Readonly<Props>) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="ask-expert-title">
      <DialogTitle id="ask-expert-title">{t('questions.askTitle')}</DialogTitle>
      {/* Mounted only while open, so each opening starts from the current prefill. */}
      {open && <AskExpertForm prefill={prefill} onClose={onClose} />}
    </Dialog>
  );
}

function AskExpertForm({ prefill, onClose }: Readonly<{ prefill: Partial<AskValues>; onClose(): void }>) {
  const { t } = useTranslation();
  const db = useDatabase();
  const user = useSessionStore((s) => s.user);
  const showToast = useToastStore((s) => s.show);
  const products = useProducts().data;
  const [values, setValues] = useState<AskValues>(() => emptyAskValues(prefill));
  const [tried, setTried] = useState(false);
  const [saving, setSaving] = useState(false);
  const errors = validateAsk(values);
  const set = <K extends keyof AskValues>(key: K, value: AskValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const send = async () => {
    setTried(true);
    if (Object.keys(errors).length > 0 || !user.territoryId) return;
    setSaving(true);
    try {
      const customer = values.customerId ? await db.customers.findOne(values.customerId).exec() : null;
      const question = buildQuestion(values, {
        id: newId(),
        now: new Date().toISOString(),
        user,
        customer: customer ? { id: customer.id, territoryId: customer.territoryId } : null,
        products,
      });
      await askQuestion(db, question);
      showToast(t('questions.sent'));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Typography variant="body2" color="text.secondary">{t('questions.askIntro')}</Typography>
          {!user.territoryId && <Alert severity="warning">{t('questions.noTerritory')}</Alert>}
          <TextField
            autoFocus
            multiline
            minRows={3}
            required
            label={t('questions.text')}
            value={values.text}
            onChange={(e) => set('text', e.target.value)}
            error={tried && Boolean(errors.text)}
            helperText={tried && errors.text ? t(errors.text === 'required' ? 'validation.required' : 'validation.invalid') : t('questions.textHelp')}
          />
          <TextField select label={t('questions.type')} value={values.type} onChange={(e) => set('type', e.target.value as AskValues['type'])}>
            {QUESTION_TYPES.map((type) => (
              <MenuItem key={type} value={type}>{t(`questions.types.${type}`)}</MenuItem>
            ))}
          </TextField>
          <CustomerSelect id="ask-customer" label={t('questions.customer')} value={values.customerId} onChange={(id) => set('customerId', id)} />
          <TextField select label={t('questions.product')} value={values.productId} onChange={(e) => set('productId', e.target.value)}>
            <MenuItem value="">{t('questions.noProduct')}</MenuItem>
            {products.map((p) => (
              <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>
            ))}
          </TextField>
          <div>
            <FormControlLabel
              control={<Checkbox checked={values.medical} onChange={(e) => set('medical', e.target.checked)} />}
              label={t('questions.medical')}
            />
            <FormHelperText sx={{ mt: -0.5, ml: 4 }}>{t('questions.medicalHelp')}</FormHelperText>
          </div>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()} disabled={saving || !user.territoryId}>
          {t('questions.send')}
        </Button>
      </DialogActions>
    </>
  );
}
