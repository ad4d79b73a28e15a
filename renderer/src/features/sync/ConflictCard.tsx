import { Link } from 'react-router';
import { Alert, Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TargetView } from './conflictDisplay';

export interface ConflictCardView {
  id: string;
  target: TargetView;
  field: string;
  kept: string;
  other: string;
  /** Who wrote the other value, and when. */
  otherBy: string;
  /** What the document holds now, when someone changed it since the conflict. */
  now?: string;
  /** Why "Use this value" is not offered (the document is gone, the server would refuse it). */
  blocked?: string;
}

interface Props {
  view: ConflictCardView;
  busy: boolean;
  onUse(): void;
  onKeep(): void;
}

/** One open conflict: the value kept in the record beside the other one, and the two choices. */
export function ConflictCard({ view, busy, onUse, onKeep }: Readonly<Props>) {
  const { t } = useTranslation();
  const { target, field } = view;
  return (
    <Card component="article" aria-label={`${target.title} · ${field}`} variant="outlined">
      <CardContent sx={{ pb: 1 }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1.5 }}>
          {target.href ? (
            <Typography component={Link} to={target.href} sx={{ fontWeight: 600, color: 'primary.main' }}>{target.title}</Typography>
          ) : (
            <Typography sx={{ fontWeight: 600 }}>{target.title}</Typography>
          )}
          <Chip size="small" label={field} />
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
          <ValueBox caption={t('conflicts.kept')} value={view.kept} />
          <ValueBox caption={t('conflicts.other')} value={view.other} note={view.otherBy} highlight />
        </Box>
        {view.now !== undefined && (
          <Typography variant="body2" color="warning.main" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{t('conflicts.now', { value: view.now })}</Typography>
        )}
        {view.blocked && <Alert severity="warning" sx={{ mt: 1.5 }}>{view.blocked}</Alert>}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 2, gap: 1 }}>
        {!view.blocked && (
          <Button variant="contained" size="small" disabled={busy} onClick={onUse}>{t('conflicts.useOther')}</Button>
        )}
        <Button variant="outlined" size="small" disabled={busy} onClick={onKeep}>{t('conflicts.keepCurrent')}</Button>
      </CardActions>
    </Card>
  );
}

function ValueBox({ caption, value, note, highlight }: Readonly<{ caption: string; value: string; note?: string; highlight?: boolean }>) {
  return (
    <Box
      role="group"
      aria-label={caption}
      sx={{ border: 1, borderColor: highlight ? 'primary.main' : 'divider', borderRadius: 1, px: 1.5, py: 1, minWidth: 0 }}
    >
      <Typography variant="caption" color="text.secondary" component="div">{caption}</Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{value}</Typography>
      {note && <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>{note}</Typography>}
    </Box>
  );
}
