import { useRef } from 'react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText } from '@mui/material';

/**
 * Asks before leaving a form with unsaved changes, so a half-written visit note is never lost
 * by a stray click. `allowLeave()` lets the save itself navigate away without asking.
 */
export function useLeaveGuard(dirty: boolean) {
  const { t } = useTranslation();
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname);
  const dialog = (
    <Dialog open={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} aria-describedby="leave-guard-text">
      <DialogContent>
        <DialogContentText id="leave-guard-text">{t('common.unsaved')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => blocker.reset?.()} autoFocus>{t('common.stay')}</Button>
        <Button color="error" onClick={() => blocker.proceed?.()}>{t('common.discard')}</Button>
      </DialogActions>
    </Dialog>
  );
  return {
    dialog,
    allowLeave: () => {
      allowed.current = true;
    },
  };
}
