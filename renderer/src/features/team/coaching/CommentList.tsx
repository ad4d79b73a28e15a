import { useTranslation } from 'react-i18next';
import { Box, Chip, Stack, Typography } from '@mui/material';
import type { Comment } from '../../../../../shared/schemas';
import { formatDateTime } from '../../../components/format';

interface Props {
  comments: readonly Comment[];
  name(userId: string): string;
}

/** Comments as a conversation: who, when, what; read-only (comments are append-only). */
export function CommentList({ comments, name }: Readonly<Props>) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ol" spacing={1.5} sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label={t('coaching.listLabel')}>
      {comments.map((c) => (
        <Box component="li" key={c.id} sx={{ borderLeft: 3, borderColor: c.kind === 'coaching' ? 'secondary.main' : 'divider', pl: 1.5 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="subtitle2">{name(c.authorId)}</Typography>
            <Typography variant="caption" color="text.secondary">{formatDateTime(c.at, i18n.language)}</Typography>
            <Chip size="small" variant="outlined" label={t(`coaching.kind.${c.kind}`)} />
          </Stack>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', mt: 0.25 }}>{c.text}</Typography>
        </Box>
      ))}
    </Stack>
  );
}
