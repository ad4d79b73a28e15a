import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Link as MuiLink, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { Feedback } from '../../../../shared/schemas';
import { formatDateTime } from '../../components/format';
import { FeedbackKindChip, FeedbackStatusChip, RatingStars } from './FeedbackChips';

interface Props {
  feedback: readonly Feedback[];
  customerName(id: string): string;
  personName(id: string | undefined): string;
}

const clamp = { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' } as const;

/** The feedback list: one row per entry, the customer's words opening it. */
export function FeedbackTable({ feedback, customerName, personName }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('feedback.list')}>
        <TableHead>
          <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
            <TableCell>{t('feedback.capturedAt')}</TableCell>
            <TableCell>{t('feedback.kindLabel')}</TableCell>
            <TableCell>{t('feedback.customer')}</TableCell>
            <TableCell>{t('feedback.product')}</TableCell>
            <TableCell sx={{ width: '32%' }}>{t('feedback.customerWords')}</TableCell>
            <TableCell>{t('feedback.statusLabel')}</TableCell>
            <TableCell>{t('feedback.assignee')}</TableCell>
            <TableCell>{t('feedback.rep')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {feedback.map((f) => (
            <TableRow key={f.id} hover>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.capturedAt, i18n.language)}</TableCell>
              <TableCell><FeedbackKindChip kind={f.kind} /></TableCell>
              <TableCell sx={{ minWidth: 96 }}>{customerName(f.customerId)}</TableCell>
              <TableCell sx={{ minWidth: 120 }}>{f.product?.name ?? t('common.none')}</TableCell>
              <TableCell>
                <MuiLink component={Link} to={`/feedback/${f.id}`} underline="hover" color="inherit" sx={{ display: 'block' }}>
                  {f.rating !== undefined && <RatingStars value={f.rating} />}
                  {f.customerWords && <Typography variant="body2" sx={clamp}>{f.customerWords}</Typography>}
                  {!f.customerWords && f.rating === undefined && t('feedback.open')}
                </MuiLink>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}><FeedbackStatusChip status={f.status} /></TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{f.assigneeId ? personName(f.assigneeId) : t('common.none')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{personName(f.repId)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
