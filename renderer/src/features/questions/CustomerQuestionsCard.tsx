import { useTranslation } from 'react-i18next';
import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { Customer } from '../../../../shared/schemas';
import { useSessionStore } from '../../app/sessionStore';
import { AskExpertButton } from './AskExpertButton';
import { QuestionCard } from './QuestionCard';
import { isUnseenAnswer } from './questionModel';
import { useColleagueNames, useCustomerQuestions } from './useQuestions';

/** The customer file's questions (客户问题): what this customer wanted to know and the company's answers. */
export function CustomerQuestionsCard({ customer }: Readonly<{ customer: Customer }>) {
  const { t } = useTranslation();
  const userId = useSessionStore((s) => s.user.id);
  const { data: questions } = useCustomerQuestions(customer.id);
  const names = useColleagueNames();
  return (
    <Card component="section" aria-labelledby="block-questions">
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, mb: 1, flexWrap: 'wrap' }}>
          <Typography id="block-questions" variant="h2">{t('questions.customerBlock')}</Typography>
          <Typography variant="body2" color="text.secondary">{t('questions.count', { count: questions.length })}</Typography>
          <Box sx={{ flex: 1 }} />
          <AskExpertButton size="small" prefill={{ customerId: customer.id }} />
        </Stack>
        {questions.length === 0 ? (
          <Typography color="text.secondary" sx={{ py: 1 }}>{t('questions.noneForCustomer')}</Typography>
        ) : (
          <Stack spacing={1} aria-label={t('questions.customerBlock')} component="div" role="list">
            {questions.map((q) => (
              <Box role="listitem" key={q.id}>
                <QuestionCard
                  question={q}
                  askerName={names.get(q.askedBy) ?? t('questions.someone')}
                  answererName={q.answer ? names.get(q.answer.by) : undefined}
                  unseen={isUnseenAnswer(q, userId)}
                />
              </Box>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
