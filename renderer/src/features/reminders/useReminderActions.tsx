import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Snackbar } from '@mui/material';
import { snoozeTarget, type ActionContext, type SnoozeChoice } from '../../../../shared/reminders/actions';
import type { ReminderItem } from '../../../../shared/reminders/items';
import { formatDay } from '../../components/format';
import { useSessionStore } from '../../app/sessionStore';
import { useDatabase } from '../../db/DatabaseContext';
import { readClock } from './clock';
import { markDone, reopen, snooze, type Undo } from './reminderRepository';
import { reminderTitle } from './reminderText';
import { localDayOf } from './useReminders';

export interface ReminderActions {
  done(item: ReminderItem): void;
  snooze(item: ReminderItem, choice: SnoozeChoice): void;
  reopen(item: ReminderItem): void;
  /** The confirmation with Undo; render it once in the page. */
  undoBar: ReactNode;
}

/** Done, snooze and reopen with the clock of the moment, and a confirmation that can take them back. */
export function useReminderActions(): ReminderActions {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const userId = useSessionStore((s) => s.user.id);
  const [undo, setUndo] = useState<{ key: number; message: string; run: Undo } | null>(null);

  const context = (): ActionContext => {
    const clock = readClock();
    return { userId, now: clock.now, today: clock.today, dayOf: localDayOf };
  };
  const offerUndo = (message: string, run: Undo) => setUndo((u) => ({ key: (u?.key ?? 0) + 1, message, run }));

  return {
    done: (item) => {
      void markDone(db, item, context()).then((run) => offerUndo(t('reminders.markedDone', { title: reminderTitle(item, t) }), run));
    },
    snooze: (item, choice) => {
      const ctx = context();
      const until = snoozeTarget(item, choice, ctx.today);
      void snooze(db, item, until, ctx).then((run) => offerUndo(t('reminders.snoozedTo', { date: formatDay(until, i18n.language) }), run));
    },
    reopen: (item) => {
      void reopen(db, item, context());
    },
    undoBar: (
      <Snackbar
        key={undo?.key}
        open={undo !== null}
        message={undo?.message}
        autoHideDuration={6000}
        onClose={(_e, reason) => reason !== 'clickaway' && setUndo(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        action={
          <Button color="inherit" size="small" onClick={() => { void undo?.run(); setUndo(null); }}>
            {t('reminders.undo')}
          </Button>
        }
      />
    ),
  };
}
