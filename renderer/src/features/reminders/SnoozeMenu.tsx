import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, ListItemText, Menu, MenuItem, TextField, Tooltip,
} from '@mui/material';
import SnoozeOutlinedIcon from '@mui/icons-material/SnoozeOutlined';
import { addDays } from '../../../../shared/reminders/days';
import { isValidSnoozeDay, type SnoozeChoice } from '../../../../shared/reminders/actions';
import { formatDay } from '../../components/format';

interface Props {
  /** The reminder's headline, for the button's accessible name. */
  title: string;
  today: string;
  /** Where each quick choice would move it (shown next to the choice). */
  preview(choice: SnoozeChoice): string;
  onSnooze(choice: SnoozeChoice): void;
}

/** Snooze button: 1 day, 1 week, or a picked date. */
export function SnoozeMenu({ title, today, preview, onSnooze }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [picking, setPicking] = useState(false);
  const choose = (choice: SnoozeChoice) => {
    setAnchor(null);
    onSnooze(choice);
  };
  const label = t('reminders.snoozeItem', { title });
  return (
    <>
      <Tooltip title={t('reminders.snooze')}>
        <IconButton aria-label={label} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)} size="small">
          <SnoozeOutlinedIcon fontSize="small" />
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': label } }}>
        {(['day', 'week'] as const).map((kind) => (
          <MenuItem key={kind} onClick={() => choose({ kind })}>
            <ListItemText
              primary={t(kind === 'day' ? 'reminders.snoozeDay' : 'reminders.snoozeWeek')}
              secondary={formatDay(preview({ kind }), i18n.language)}
            />
          </MenuItem>
        ))}
        <MenuItem onClick={() => { setAnchor(null); setPicking(true); }}>
          <ListItemText primary={t('reminders.snoozePick')} />
        </MenuItem>
      </Menu>
      {picking && <SnoozeDateDialog today={today} onCancel={() => setPicking(false)} onPick={(day) => { setPicking(false); onSnooze({ kind: 'until', day }); }} />}
    </>
  );
}

function SnoozeDateDialog({ today, onCancel, onPick }: Readonly<{ today: string; onCancel(): void; onPick(day: string): void }>) {
  const { t } = useTranslation();
  const [day, setDay] = useState(() => addDays(today, 1));
  const valid = isValidSnoozeDay(day, today);
  return (
    <Dialog open onClose={onCancel} maxWidth="xs" fullWidth>
      <form onSubmit={(e) => { e.preventDefault(); if (valid) onPick(day); }}>
        <DialogTitle>{t('reminders.pickTitle')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            type="date"
            label={t('reminders.pickLabel')}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            error={!valid}
            helperText={valid ? ' ' : t('reminders.pickInvalid')}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: addDays(today, 1) } }}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!valid}>{t('reminders.snooze')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
