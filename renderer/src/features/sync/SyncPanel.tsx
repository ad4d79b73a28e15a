import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import SyncIcon from '@mui/icons-material/Sync';
import type { RefusedItem, SyncSnapshot } from './syncStore';

export interface SyncPanelProps {
  serverUrl: string;
  snapshot: SyncSnapshot;
  online: boolean;
  lastSyncedText: string | null;
  onSyncNow(): void;
  onSignIn(): void;
  sessionEnded: boolean;
}

/** The details behind the status chip: what is waiting, the last contact, what the server refused. */
export function SyncPanel({ serverUrl, snapshot, online, lastSyncedText, onSyncNow, onSignIn, sessionEnded }: Readonly<SyncPanelProps>) {
  const { t } = useTranslation();
  const received = snapshot.firstSync ? Object.values(snapshot.firstSync.received).reduce((a, b) => a + (b ?? 0), 0) : 0;
  return (
    <Box sx={{ p: 2, width: 380, maxWidth: '90vw' }} data-testid="sync-panel">
      <Typography variant="h3" sx={{ mb: 1 }}>{t('sync.panelTitle')}</Typography>
      <Stack spacing={0.5} sx={{ mb: 2 }}>
        <Typography variant="body2">{t('sync.server', { server: serverUrl })}</Typography>
        <Typography variant="body2">{t('sync.live', { state: snapshot.connected ? t('sync.liveOn') : t('sync.liveOff') })}</Typography>
        <Typography variant="body2">{t('sync.lastSynced', { at: lastSyncedText ?? t('sync.never') })}</Typography>
        <Typography variant="body2" data-testid="sync-waiting">{t('sync.waitingDetail', { count: snapshot.waiting })}</Typography>
        {snapshot.firstSync && <Typography variant="body2">{t('sync.firstSync', { count: received })}</Typography>}
      </Stack>
      {snapshot.error && !sessionEnded && online && (
        <Alert severity="warning" sx={{ mb: 2 }}>{t('sync.errorDetail', { message: snapshot.error.message })}</Alert>
      )}
      {sessionEnded ? (
        <Button variant="contained" onClick={onSignIn}>{t('sync.signIn')}</Button>
      ) : (
        <Button variant="outlined" startIcon={<SyncIcon />} onClick={onSyncNow} disabled={!online}>{t('sync.syncNow')}</Button>
      )}
      {snapshot.refused.length > 0 && <RefusedList items={snapshot.refused} />}
    </Box>
  );
}

function RefusedList({ items }: Readonly<{ items: RefusedItem[] }>) {
  const { t } = useTranslation();
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{t('sync.refusedTitle')}</Typography>
      <Typography variant="caption" color="text.secondary">{t('sync.refusedHelp')}</Typography>
      <List dense disablePadding>
        {items.slice(-20).reverse().map((item) => (
          <ListItem key={`${item.collection}:${item.id}:${item.message}`} disableGutters>
            <ListItemText primary={t(`sync.refused_${item.reason}`)} secondary={item.message} />
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
