import { Badge } from '@mui/material';
import MoveToInboxOutlinedIcon from '@mui/icons-material/MoveToInboxOutlined';
import { useMyRoles } from '../knowledge/permissions';
import { useInboxQuestions } from './useQuestions';

/** "Expert inbox" icon with the number of open questions this user can answer. */
export function InboxNavIcon() {
  const { questions } = useInboxQuestions(useMyRoles());
  const count = questions.filter((q) => q.status === 'open').length;
  if (count === 0) return <MoveToInboxOutlinedIcon />;
  return (
    <Badge badgeContent={count} color="warning" max={99} data-testid="open-questions">
      <MoveToInboxOutlinedIcon />
    </Badge>
  );
}
