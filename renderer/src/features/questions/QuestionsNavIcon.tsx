import { Badge } from '@mui/material';
import QuestionAnswerOutlinedIcon from '@mui/icons-material/QuestionAnswerOutlined';
import { useUnseenAnswers } from './useQuestions';

/** "My questions" icon with the number of answers not seen yet (no badge at all when none). */
export function QuestionsNavIcon() {
  const count = useUnseenAnswers().length;
  if (count === 0) return <QuestionAnswerOutlinedIcon />;
  return (
    <Badge badgeContent={count} color="success" max={99} data-testid="unseen-answers">
      <QuestionAnswerOutlinedIcon />
    </Badge>
  );
}
