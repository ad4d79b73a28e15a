import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useSessionStore } from '../../app/sessionStore';
import { useDatabase } from '../../db/DatabaseContext';
import { AskExpertButton } from './AskExpertButton';
import { QuestionCard } from './QuestionCard';
import { isUnseenAnswer } from './questionModel';
import { markAnswersSeen } from './questionRepository';
import { useColleagueNames, useCustomerNames, useMyQuestions } from './useQuestions';

/**
 * The rep's questions to the experts with their answers. Opening the page marks new answers as
 * seen (that ends the badge, on every device); they stay marked "new" while the page is open.
 */
export function MyQuestionsPage() {
  const { t } = useTranslation();
  const db = useDatabase();
  const userId = useSessionStore((s) => s.user.id);
  const { data: questions, loading } = useMyQuestions();
  const names = useColleagueNames();
  const customerNames = useCustomerNames(useMemo(() => questions.flatMap((q) => (q.customerId ? [q.customerId] : [])), [questions]));
  const [fresh, setFresh] = useState<ReadonlySet<string>>(() => new Set());
  const unseen = useMemo(() => questions.filter((q) => isUnseenAnswer(q, userId)).map((q) => q.id), [questions, userId]);

  // Remember what was new when the page showed it (React's "adjust state while rendering" pattern),
  // so the answers stay marked while the seen-marks go out.
  if (unseen.some((id) => !fresh.has(id))) setFresh(new Set([...fresh, ...unseen]));
  useEffect(() => {
    if (unseen.length > 0) void markAnswersSeen(db, unseen, new Date().toISOString());
  }, [db, unseen]);

  return (
    <Box sx={{ p: 3, maxWidth: 980 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 0.5 }}>
        <Typography variant="h1">{t('questions.mineTitle')}</Typography>
        <Typography color="text.secondary">{t('questions.count', { count: questions.length })}</Typography>
        <Box sx={{ flex: 1 }} />
        <AskExpertButton variant="outlined" prefill={{}} />
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2 }}>{t('questions.mineIntro')}</Typography>
      {loading ? (
        <CircularProgress size={24} />
      ) : questions.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>{t('questions.mineEmpty')}</Typography>
      ) : (
        <Stack spacing={1.5} component="section" aria-label={t('questions.list')}>
          {questions.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              answererName={q.answer ? names.get(q.answer.by) : undefined}
              customerName={q.customerId ? customerNames.get(q.customerId) : undefined}
              unseen={fresh.has(q.id)}
            />
          ))}
        </Stack>
      )}
    </Box>
  );
}
