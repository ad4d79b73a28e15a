import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Box, Chip, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import type { Question } from '../../../../shared/schemas';
import { formatDateTime } from '../../components/format';
import { MarkdownView } from '../knowledge/MarkdownView';
import { useOpenLink } from '../knowledge/useOpenLink';

const STATUS_COLOR = { open: 'warning', answered: 'success', closed: 'default' } as const;

export function QuestionStatusChip({ status }: Readonly<{ status: Question['status'] }>) {
  const { t } = useTranslation();
  return <Chip size="small" color={STATUS_COLOR[status]} variant={status === 'open' ? 'outlined' : 'filled'} label={t(`questions.status.${status}`)} />;
}

interface Props {
  question: Question;
  /** Set in the expert inbox: who asked. */
  askerName?: string | undefined;
  answererName?: string | undefined;
  /** The customer's name when the customer is on this computer; undefined hides the line. */
  customerName?: string | undefined;
  /** The customer is linked but not on this computer (an expert outside the territory). */
  customerElsewhere?: boolean;
  unseen?: boolean;
  /** Actions below the question (answer form, promote, …). */
  children?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}

/** A question of the problem research centre with its answer, as the rep and the expert see it. */
export function QuestionCard({ question: q, askerName, answererName, customerName, customerElsewhere, unseen, children, headingLevel = 'h3' }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const openLink = useOpenLink();
  const asked = formatDateTime(q.askedAt, i18n.language);
  return (
    <Paper
      component="article"
      variant="outlined"
      aria-label={q.text.slice(0, 80)}
      sx={{ p: 2, borderColor: unseen ? 'success.main' : 'divider', borderWidth: unseen ? 2 : 1 }}
    >
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <QuestionStatusChip status={q.status} />
        {unseen && <Chip size="small" color="success" label={t('questions.newAnswer')} />}
        <Chip size="small" variant="outlined" label={t(`questions.types.${q.type}`)} />
        {q.routedTo === 'medical_affairs' && <Chip size="small" color="secondary" variant="outlined" label={t('questions.routeTo', { route: t('questions.route.medical_affairs') })} />}
        {q.product && <Typography variant="body2" color="text.secondary">{q.product.name}</Typography>}
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary">
          {askerName !== undefined ? t('questions.askedBy', { name: askerName, date: asked }) : t('questions.askedOn', { date: asked })}
        </Typography>
      </Stack>
      <Typography component={headingLevel} variant="body1" sx={{ whiteSpace: 'pre-line', fontWeight: 500, lineHeight: 1.6 }}>{q.text}</Typography>
      {(customerName !== undefined || customerElsewhere) && q.customerId && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {customerName !== undefined ? (
            <MuiLink component={Link} to={`/customers/${encodeURIComponent(q.customerId)}`}>{t('questions.forCustomer', { name: customerName })}</MuiLink>
          ) : (
            t('questions.forCustomer', { name: t('questions.customerElsewhere') })
          )}
        </Typography>
      )}
      {q.answer && (
        <Box sx={{ mt: 1.5, pl: 2, borderLeft: 3, borderColor: 'success.main' }} role="group" aria-label={t('questions.status.answered')}>
          <Typography variant="caption" color="text.secondary">
            {t('questions.answeredBy', { name: answererName ?? t('questions.someone'), date: formatDateTime(q.answer.at, i18n.language) })}
          </Typography>
          <MarkdownView source={q.answer.text} onOpenLink={openLink} />
        </Box>
      )}
      {children && <Box sx={{ mt: 1.5 }}>{children}</Box>}
    </Paper>
  );
}
