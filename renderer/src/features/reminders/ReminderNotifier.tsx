import { useEffect } from 'react';
import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, AlertTitle, Button, IconButton, Snackbar, Stack, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import NotificationsActiveOutlinedIcon from '@mui/icons-material/NotificationsActiveOutlined';
import { dueCount, type AgendaEntry } from '../../../../shared/reminders/due';
import { MAX_SEPARATE_NOTIFICATIONS, pickNotifications } from '../../../../shared/reminders/notifications';
import { useSessionStore } from '../../app/sessionStore';
import { useOnline } from '../../app/useOnline';
import { useSyncStore } from '../sync/syncStore';
import { platform } from '../../platform/api';
import { useClock } from './clock';
import { loadNotifiedLog, saveNotifiedLog } from './notifiedLog';
import { useReminderNotices } from './reminderNotices';
import { useReminderPrefs } from './reminderPrefs';
import { notificationBody, reminderTitle } from './reminderText';
import { useReminders } from './useReminders';

/**
 * Announces due reminders: at start, every minute (a timed reminder at its time) and when the day
 * turns; each reminder once a day per device. A desktop notification where the platform has one
 * (and the rep has not turned them off), an in-app notice always, and the due count on the Today
 * entry. Mounted once, in the app frame.
 */
export function ReminderNotifier() {
  const { t } = useTranslation();
  const { agenda, loading } = useReminders();
  const { today, time } = useClock();
  const userId = useSessionStore((s) => s.user.id);
  const desktop = useReminderPrefs((s) => s.desktopNotifications);
  const setDueCount = useReminderNotices((s) => s.setDueCount);
  const show = useReminderNotices((s) => s.show);
  const online = useOnline();
  // The first download after sign-in is filling the database; without network (or with a sync
  // error) it cannot finish, and the rep must still be told what is due.
  const downloading = useSyncStore((s) => s.firstSync !== null && s.error === null) && online;

  useEffect(() => setDueCount(loading ? 0 : dueCount(agenda)), [agenda, loading, setDueCount]);

  useEffect(() => {
    // Not while the first download is under way: one announcement at the end.
    if (loading || downloading || !userId) return;
    const pick = pickNotifications(agenda, today, time, loadNotifiedLog(userId));
    if (pick.entries.length === 0) return;
    saveNotifiedLog(userId, pick.log);
    const titles = pick.entries.map((e) => reminderTitle(e.item, t));
    // The notice names what is new and counts everything due, so a later one never hides the total.
    show(t('reminders.notify.count', { count: Math.max(dueCount(agenda), pick.entries.length) }), summaryLines(titles, t));
    if (desktop) void announceOnDesktop(pick.entries, titles, t);
  }, [agenda, loading, downloading, today, time, userId, desktop, show, t]);

  return <ReminderNoticeSnackbar />;
}

// i18next's own TFunction (default namespace): ReturnType of the generic hook widens to every
// namespace and hits "type instantiation is excessively deep" once the key set grows.
type T = TFunction;

/** Fits the navigation column (216 px) with a margin. */
const NOTICE_WIDTH = 200;

function summaryLines(titles: readonly string[], t: T): string[] {
  const lines = titles.slice(0, MAX_SEPARATE_NOTIFICATIONS);
  if (titles.length > lines.length) lines.push(t('reminders.notify.more', { count: titles.length - lines.length }));
  return lines;
}

async function announceOnDesktop(entries: readonly AgendaEntry[], titles: readonly string[], t: T): Promise<void> {
  if (entries.length <= MAX_SEPARATE_NOTIFICATIONS) {
    for (const [i, entry] of entries.entries()) await platform.notify(clip(titles[i] ?? '', 200), notificationBody(entry, t));
    return;
  }
  await platform.notify(t('reminders.notify.count', { count: entries.length }), summaryLines(titles, t).join('\n'));
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The in-app notice sits at the foot of the navigation column, never over the page: a rep in the
 * middle of a form is told, not interrupted.
 */
function ReminderNoticeSnackbar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useReminderNotices((s) => s.notice);
  const dismiss = useReminderNotices((s) => s.dismiss);
  return (
    <Snackbar
      key={notice?.key}
      open={notice !== null}
      autoHideDuration={30_000}
      onClose={(_e, reason) => reason !== 'clickaway' && dismiss()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      sx={{ '&.MuiSnackbar-root': { left: 8, right: 'auto', bottom: 8, width: NOTICE_WIDTH } }}
    >
      <Alert severity="info" variant="filled" icon={false} role="status" data-testid="reminder-notice" sx={{ width: '100%', py: 0.5, px: 1.5 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 0.75 }}>
          <NotificationsActiveOutlinedIcon fontSize="small" />
          <AlertTitle sx={{ m: 0, flex: 1 }}>{notice?.title}</AlertTitle>
          <IconButton color="inherit" size="small" aria-label={t('reminders.notify.dismiss')} onClick={dismiss} sx={{ mr: -0.75 }}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Stack>
        {notice?.lines.map((line, i) => (
          <Typography key={i} variant="body2" noWrap title={line}>{line}</Typography>
        ))}
        <Button color="inherit" size="small" variant="outlined" onClick={() => { dismiss(); navigate('/today'); }} sx={{ mt: 0.75 }}>
          {t('reminders.notify.openToday')}
        </Button>
      </Alert>
    </Snackbar>
  );
}
