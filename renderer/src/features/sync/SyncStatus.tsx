import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chip, Popover } from '@mui/material';
import CloudDoneOutlinedIcon from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlinedIcon from '@mui/icons-material/CloudOffOutlined';
import CloudUploadOutlinedIcon from '@mui/icons-material/CloudUploadOutlined';
import SyncIcon from '@mui/icons-material/Sync';
import SyncProblemOutlinedIcon from '@mui/icons-material/SyncProblemOutlined';
import LoginOutlinedIcon from '@mui/icons-material/LoginOutlined';
import { useOnline } from '../../app/useOnline';
import { useSessionStore } from '../../app/sessionStore';
import { useSyncStore } from './syncStore';
import { relativeTime, syncView, type SyncView } from './syncStatusModel';
import { SyncPanel } from './SyncPanel';
import { loose, type LooseT } from '../../i18n';

type ChipColor = 'default' | 'success' | 'warning' | 'error' | 'info';

/** The chip never claims "synced" while anything waits (see syncView). */
function chipOf(view: SyncView, t: LooseT, ago: string | null) {
  switch (view.kind) {
    case 'synced':
      return { label: ago ? t('sync.syncedAgo', { ago }) : t('sync.synced'), color: 'success' as ChipColor, icon: <CloudDoneOutlinedIcon /> };
    case 'syncing':
      return { label: t('sync.syncing'), color: 'info' as ChipColor, icon: <SyncIcon /> };
    case 'waiting':
      return { label: t('sync.waiting', { count: view.waiting }), color: 'warning' as ChipColor, icon: <CloudUploadOutlinedIcon /> };
    case 'offline':
      return {
        label: view.waiting > 0 ? t('sync.offlineWaiting', { count: view.waiting }) : t('sync.offline'),
        color: 'warning' as ChipColor,
        icon: <CloudOffOutlinedIcon />,
      };
    case 'error':
      return { label: t('sync.error'), color: 'error' as ChipColor, icon: <SyncProblemOutlinedIcon /> };
    case 'signIn':
      return { label: t('sync.signIn'), color: 'error' as ChipColor, icon: <LoginOutlinedIcon /> };
    case 'standby':
      return { label: t('sync.standby'), color: 'default' as ChipColor, icon: <SyncIcon /> };
    default:
      return { label: t('sync.starting'), color: 'default' as ChipColor, icon: <SyncIcon /> };
  }
}

/** The always-visible sync status in the app bar; a click shows the details. */
export function SyncStatus() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const snapshot = useSyncStore();
  const session = useSessionStore((s) => s.session);
  const ended = useSessionStore((s) => s.ended);
  const setReauthOpen = useSessionStore((s) => s.setReauthOpen);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const view: SyncView = ended ? { kind: 'signIn' } : syncView(snapshot, online);
  const ago = snapshot.lastSyncedAt ? relativeTime(snapshot.lastSyncedAt, now, i18n.language) : null;
  const chip = chipOf(view, loose(t), ago);
  const lastSyncedText = snapshot.lastSyncedAt ? (ago ?? new Date(snapshot.lastSyncedAt).toLocaleTimeString(i18n.language)) : null;

  return (
    <>
      <Chip
        icon={chip.icon}
        label={chip.label}
        color={chip.color}
        size="small"
        variant="outlined"
        onClick={(e) => setAnchor(e.currentTarget)}
        data-testid="sync-status"
        data-state={view.kind}
        // Offline is normal work, not a fault: say so where the state is shown.
        title={view.kind === 'offline' ? t('app.offline') : undefined}
        aria-haspopup="dialog"
      />
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <SyncPanel
          serverUrl={session?.serverUrl ?? ''}
          snapshot={snapshot}
          online={online}
          lastSyncedText={lastSyncedText}
          sessionEnded={ended !== null}
          onSyncNow={() => snapshot.retry?.()}
          onSignIn={() => { setAnchor(null); setReauthOpen(true); }}
        />
      </Popover>
    </>
  );
}
