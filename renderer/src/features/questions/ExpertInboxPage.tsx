import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Box, Button, CircularProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import type { Question } from '../../../../shared/schemas';
import { isAnswerer } from '../../../../shared/sync/questionAccess';
import { useSessionStore } from '../../app/sessionStore';
import { useToastStore } from '../../app/toastStore';
import { useDatabase } from '../../db/DatabaseContext';
import { promoteAnswer } from '../knowledge/articleRepository';
import { canWriteKnowledge, useMyRoles } from '../knowledge/permissions';
import { AnswerForm } from './AnswerForm';
import { QuestionCard } from './QuestionCard';
import { answerQuestion, forwardQuestion } from './questionRepository';
import { useColleagueNames, useCustomerNames, useInboxQuestions } from './useQuestions';

/**
 * The problem research centre's inbox (experts, managers, medical affairs, admins): open
 * questions oldest first, answered ones below; an answer can become a published article.
 */
export function ExpertInboxPage() {
  const { t } = useTranslation();
  const roles = useMyRoles();
  if (!isAnswerer({ roles })) return <Alert severity="info" sx={{ m: 3 }}>{t('questions.inboxOnly')}</Alert>;
  return <Inbox />;
}

function Inbox() {
  const { t } = useTranslation();
  const roles = useMyRoles();
  const db = useDatabase();
  const navigate = useNavigate();
  const userId = useSessionStore((s) => s.user.id);
  const showToast = useToastStore((s) => s.show);
  const { questions, loading } = useInboxQuestions(roles);
  const names = useColleagueNames();
  const customerNames = useCustomerNames(useMemo(() => questions.flatMap((q) => (q.customerId ? [q.customerId] : [])), [questions]));
  const [tab, setTab] = useState<'open' | 'answered'>('open');
  const [busy, setBusy] = useState<string | null>(null);
  const open = questions.filter((q) => q.status === 'open');
  const done = questions.filter((q) => q.status !== 'open');
  const shown = tab === 'open' ? open : done;
  const writer = canWriteKnowledge(roles);

  const run = async (id: string, action: () => Promise<void>, message: string) => {
    setBusy(id);
    try {
      await action();
      showToast(message);
    } finally {
      setBusy(null);
    }
  };
  const promote = async (q: Question) => {
    setBusy(q.id);
    try {
      const articleId = await promoteAnswer(db, q, userId, new Date().toISOString());
      showToast(t('knowledge.promoted'));
      void navigate(`/knowledge/${encodeURIComponent(articleId)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Box sx={{ p: 3, maxWidth: 1040 }}>
      <Typography variant="h1" sx={{ mb: 0.5 }}>{t('questions.inboxTitle')}</Typography>
      <Typography color="text.secondary" sx={{ mb: 1 }}>{t('questions.inboxIntro')}</Typography>
      <Tabs value={tab} onChange={(_, v: 'open' | 'answered') => setTab(v)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="open" label={t('questions.tabOpen', { count: open.length })} />
        <Tab value="answered" label={t('questions.tabAnswered', { count: done.length })} />
      </Tabs>
      {loading ? (
        <CircularProgress size={24} />
      ) : shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ py: 4 }}>{tab === 'open' ? t('questions.inboxEmptyOpen') : t('questions.inboxEmptyAnswered')}</Typography>
      ) : (
        <Stack spacing={1.5} component="section" aria-label={t('questions.list')}>
          {shown.map((q) => (
            <QuestionCard
              key={q.id}
              question={q}
              askerName={names.get(q.askedBy) ?? t('questions.someone')}
              answererName={q.answer ? names.get(q.answer.by) : undefined}
              customerName={q.customerId ? customerNames.get(q.customerId) : undefined}
              customerElsewhere={Boolean(q.customerId && !customerNames.has(q.customerId))}
            >
              {q.status === 'open' ? (
                <AnswerForm
                  question={q}
                  busy={busy === q.id}
                  onAnswer={(text) => void run(q.id, () => answerQuestion(db, q.id, text, userId, new Date().toISOString()), t('questions.answerSent'))}
                  onForward={() => void run(q.id, () => forwardQuestion(db, q.id, userId, new Date().toISOString()), t('questions.forwarded'))}
                />
              ) : q.articleId ? (
                <Button component={Link} to={`/knowledge/${encodeURIComponent(q.articleId)}`} size="small">{t('knowledge.viewArticle')}</Button>
              ) : writer && q.answer ? (
                <Button variant="outlined" size="small" disabled={busy === q.id} onClick={() => void promote(q)}>{t('knowledge.promote')}</Button>
              ) : null}
            </QuestionCard>
          ))}
        </Stack>
      )}
    </Box>
  );
}
