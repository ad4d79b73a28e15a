import { Accordion, AccordionDetails, AccordionSummary, Box, Chip, Stack, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useTranslation } from 'react-i18next';
import type { TargetView } from './conflictDisplay';

export interface ResolvedConflictView {
  id: string;
  target: TargetView;
  field: string;
  status: 'applied' | 'dismissed';
  /** The value that stays: the other one when applied, the kept one when dismissed. */
  value: string;
  resolvedAt: string;
}

/** Conflicts already decided, folded away under the open ones. */
export function ResolvedConflicts({ items }: Readonly<{ items: readonly ResolvedConflictView[] }>) {
  const { t } = useTranslation();
  return (
    <Accordion disableGutters variant="outlined" sx={{ mt: 3 }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="resolved-conflicts" id="resolved-conflicts-header">
        <Typography sx={{ fontWeight: 600 }}>{t('conflicts.resolved', { count: items.length })}</Typography>
      </AccordionSummary>
      <AccordionDetails id="resolved-conflicts">
        <Box component="ul" aria-label={t('conflicts.resolvedList')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {items.map((c) => (
            <Box component="li" key={c.id} sx={{ py: 1, borderTop: 1, borderColor: 'divider' }}>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Chip size="small" variant="outlined" color={c.status === 'applied' ? 'primary' : 'default'} label={t(`conflicts.status.${c.status}`)} />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>{c.target.title}</Typography>
                <Typography variant="body2" color="text.secondary">· {c.field}</Typography>
                <Box sx={{ flex: 1 }} />
                <Typography variant="caption" color="text.secondary">{c.resolvedAt}</Typography>
              </Stack>
              <Typography variant="body2" sx={{ mt: 0.25, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{c.value}</Typography>
            </Box>
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
