import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/schemas';
import { loose } from '../../i18n';
import { visitDetailRows } from './visitDetails';

interface Props {
  customerName: string;
  visit: Visit;
  /** The customer file. */
  backTo: string;
  /** What can still be added to a submitted contact (feedback, an adverse-event report). */
  actions?: ReactNode;
}

/** A submitted contact, as read: every field, nothing editable (the server would refuse a change). */
export function VisitReadOnly({ customerName, visit, backTo, actions }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  const rows = visitDetailRows(visit, loose(t), i18n.language);
  const title = t('visitFlow.viewTitle', { name: customerName });
  return (
    <Box component="article" aria-label={title} sx={{ p: 3, maxWidth: 960 }}>
      <Button component={Link} to={backTo} startIcon={<ArrowBackIcon />} size="small" sx={{ mb: 1 }}>{customerName}</Button>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 2, gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h1">{title}</Typography>
        <Chip size="small" color="success" variant="outlined" label={t('visitStatus.submitted')} />
        {actions && <Box sx={{ flex: 1 }} />}
        {actions}
      </Stack>
      <Alert severity="info" icon={<LockOutlinedIcon fontSize="inherit" />} sx={{ mb: 2 }}>{t('visitFlow.readOnlyNote')}</Alert>
      <Card>
        <CardContent>
          <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(140px, max-content) 1fr', columnGap: 3, rowGap: 1.25, m: 0 }}>
            {rows.map((row) => (
              <Box key={row.id} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary">{row.label}</Typography>
                <Typography
                  component="dd"
                  variant="body2"
                  color={row.empty ? 'text.disabled' : 'text.primary'}
                  sx={{ m: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                >
                  {row.text}
                </Typography>
              </Box>
            ))}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
