import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: ReactNode;
  /** Something was typed: closing asks first (never lose a word). */
  dirty: boolean;
  saving: boolean;
  saveLabel: string;
  /** After a refused save: scroll the content back to the top, where the summary of errors is. */
  errorTick: number;
  onSave(): void;
  onClose(): void;
  children: ReactNode;
  tone?: 'default' | 'error';
  testId?: string;
}

/**
 * A quick-capture dialog: Ctrl+Enter (or Enter in a one-line field) saves; Escape, the backdrop
 * and Cancel close it, after asking when something was typed.
 */
export function CaptureDialog({ open, title, dirty, saving, saveLabel, errorTick, onSave, onClose, children, tone = 'default', testId }: Readonly<Props>) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const content = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errorTick > 0) content.current?.scrollTo({ top: 0 });
  }, [errorTick]);
  const requestClose = () => (dirty ? setConfirming(true) : onClose());

  return (
    <Dialog
      open={open}
      onClose={requestClose}
      fullWidth
      maxWidth="md"
      scroll="paper"
      aria-labelledby="capture-dialog-title"
      data-testid={testId}
      // React events bubble through portals: a submit here must not also submit a form around the
      // opener (the contact form).
      slotProps={{ paper: { component: 'form', noValidate: true, onSubmit: (e: FormEvent) => { e.preventDefault(); e.stopPropagation(); onSave(); } } as object }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.stopPropagation();
          onSave();
        }
      }}
    >
      <DialogTitle id="capture-dialog-title" sx={tone === 'error' ? { color: 'error.main' } : undefined}>{title}</DialogTitle>
      <DialogContent dividers ref={content}>{children}</DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5 }}>
        {confirming ? (
          <>
            <Typography role="alert" sx={{ flex: 1 }}>{t('feedback.discardQuestion')}</Typography>
            <Button onClick={() => setConfirming(false)} autoFocus>{t('common.stay')}</Button>
            <Button color="error" onClick={() => { setConfirming(false); onClose(); }}>{t('common.discard')}</Button>
          </>
        ) : (
          <>
            <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>{t('feedback.savesLocally')}</Typography>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button onClick={requestClose}>{t('common.cancel')}</Button>
              <Button type="submit" variant="contained" color={tone === 'error' ? 'error' : 'primary'} disabled={saving}>{saveLabel}</Button>
            </Box>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
