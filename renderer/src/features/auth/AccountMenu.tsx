import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Avatar, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Divider, IconButton, ListItemIcon, Menu, MenuItem,
  Tooltip, Typography,
} from '@mui/material';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
import { useSessionStore } from '../../app/sessionStore';
import { getActiveSyncEngine } from '../sync/activeEngine';
import { useSyncStore } from '../sync/syncStore';
import { signOut } from './signInActions';

/** The signed-in user, their roles, and sign-out (with a clear word about unsent changes). */
export function AccountMenu() {
  const { t } = useTranslation();
  const user = useSessionStore((s) => s.session?.user);
  const waiting = useSyncStore((s) => s.waiting);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [confirm, setConfirm] = useState(false);
  if (!user) return null;
  const initials = user.displayName.trim().slice(0, 1).toUpperCase();

  return (
    <>
      <Tooltip title={t('auth.account')}>
        <IconButton aria-label={t('auth.account')} onClick={(e) => setAnchor(e.currentTarget)} size="small">
          <Avatar sx={{ width: 28, height: 28, fontSize: 14, bgcolor: 'primary.main' }}>{initials}</Avatar>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <Typography variant="subtitle2" sx={{ px: 2, pt: 1 }}>{t('auth.signedInAs', { name: user.displayName })}</Typography>
        <Typography variant="caption" color="text.secondary" sx={{ px: 2, pb: 1, display: 'block' }}>
          {user.userName} · {t('auth.roles', { roles: user.roles.map((r) => t(`auth.role.${r}`)).join(', ') })}
        </Typography>
        <Divider />
        <MenuItem onClick={() => { setAnchor(null); setConfirm(true); }}>
          <ListItemIcon><LogoutOutlinedIcon fontSize="small" /></ListItemIcon>
          {t('auth.signOut')}
        </MenuItem>
      </Menu>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby="sign-out-title">
        <DialogTitle id="sign-out-title">{t('auth.signOutTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {waiting > 0 ? t('auth.signOutPending', { count: waiting, name: user.displayName }) : t('auth.signOutBody')}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>{t('common.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => { setConfirm(false); void signOut(getActiveSyncEngine()?.peekAccessToken() ?? null); }}>
            {waiting > 0 ? t('security.signOutDelete') : t('auth.signOut')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
