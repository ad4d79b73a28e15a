import { Badge } from '@mui/material';
import TodayOutlinedIcon from '@mui/icons-material/TodayOutlined';
import { useReminderNotices } from './reminderNotices';

/** The Today entry's icon, with the number of reminders due today or overdue (no badge at zero). */
export function TodayNavIcon() {
  const count = useReminderNotices((s) => s.dueCount);
  if (count === 0) return <TodayOutlinedIcon />;
  return (
    <Badge badgeContent={count} color="primary" max={99} data-testid="due-reminders">
      <TodayOutlinedIcon />
    </Badge>
  );
}
